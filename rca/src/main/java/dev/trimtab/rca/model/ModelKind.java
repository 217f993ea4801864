package dev.trimtab.rca.model;

import java.util.Arrays;
import java.util.List;

/** How the classifier was trained, and so how it scores. */
public enum ModelKind {
  /** Smile's SVM with a Gaussian kernel: scores are a kernel expansion over support vectors. */
  GAUSSIAN_SVM("gaussian-svm"),
  /** Smile's SVM with a linear kernel, collapsed to one weight vector. */
  LINEAR_SVM("linear-svm"),
  /** FIRM's incremental mode: a linear SVM by mini-batch sub-gradient descent on the hinge loss. */
  INCREMENTAL("incremental");

  private final String id;

  ModelKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(ModelKind::id).toList();
  }

  public static ModelKind fromId(String id) {
    for (ModelKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }
}
