package dev.tensorloom.templates;

import java.util.Objects;

/**
 * What the gallery shows for one template: title, what it teaches, the technique it comes from,
 * the synthetic dataset it trains on, the metric it reports and its target, and what to look at.
 *
 * @param id        stable template id, also the project file's base name
 * @param title     card title
 * @param teaches   one line on what the template teaches
 * @param technique the paper or technique it shows
 * @param dataset   id of the synthetic dataset it trains on
 * @param metric    name of the metric in the metrics file
 * @param target    the result it reaches at default settings, in words
 * @param lookAt    what to look at in the activation and memory views
 */
public record TemplateCard(String id, String title, String teaches, String technique, String dataset, String metric,
        String target, String lookAt) {
    public TemplateCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
