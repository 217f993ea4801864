/**
 * The culprit classifier: a Smile SVM (Gaussian kernel, or linear) or FIRM's incremental linear SVM
 * (hinge loss, L2, mini-batches) over standardised features; rankings of a window's services by
 * score; and the model file (JSON with a version, never Java serialization).
 */
package dev.trimtab.rca.model;
