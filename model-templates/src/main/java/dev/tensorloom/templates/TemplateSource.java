package dev.tensorloom.templates;

import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import java.util.Map;
import java.util.TreeMap;

/** Builds one template's graph and training configuration in code; the committed file is generated from it. */
interface TemplateSource {
    String id();

    Document build();

    /**
     * The saved blocks the template's groups were made from, embedded in its file: each taken from the first
     * group made from it, under that group's label without its number.
     */
    default Map<String, SavedBlock> blocks(Document doc) {
        Map<String, SavedBlock> out = new TreeMap<>();
        for (Group g : doc.groups()) {
            if (g.block() != null && !out.containsKey(g.block())) {
                String title = g.label().replaceAll("\\s*\\d+$", "");
                out.put(g.block(), SavedBlock.fromGroup(doc, g.id(), g.block(), title));
            }
        }
        return out;
    }
}
