/** {@code trimtab rca}: train, evaluate and apply the root-cause analyser; {@code bench rca}. */
package dev.trimtab.cli.rca;
