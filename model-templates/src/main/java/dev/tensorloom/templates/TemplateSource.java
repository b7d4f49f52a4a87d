package dev.tensorloom.templates;

import dev.tensorloom.model.doc.Document;

/** Builds one template's graph and training configuration in code; the committed file is generated from it. */
interface TemplateSource {
    String id();

    Document build();
}
