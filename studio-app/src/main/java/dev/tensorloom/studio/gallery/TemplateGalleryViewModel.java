package dev.tensorloom.studio.gallery;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.task.BackgroundTask;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCard;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template gallery: one card per template, the graph of each (parsed in the background for the
 * card pictures), and the card the user picked.
 */
public final class TemplateGalleryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateGalleryViewModel.class);
    private final ObservableList<TemplateCard> cards = FXCollections.observableArrayList();
    private final ObservableMap<String, Document> previews = FXCollections.observableHashMap();
    private final ObjectProperty<TemplateCard> chosen = new SimpleObjectProperty<>();

    public TemplateGalleryViewModel(TemplateCatalog catalog, TaskExecutor tasks) {
        cards.setAll(catalog.cards());
        BackgroundTask.wrap(() -> {
            Map<String, Document> docs = new LinkedHashMap<>();
            for (TemplateCard card : catalog.cards()) {
                try {
                    docs.put(card.id(), ProjectReader.fromJson(catalog.projectJson(card.id()),
                            catalog.sourceName(card.id())).document());
                } catch (Exception e) {
                    // A card without a picture is still a card; the open attempt will show the message.
                    LOG.warn("no preview for template {}: {}", card.id(), e.getMessage());
                }
            }
            return docs;
        }).onSuccess(previews::putAll).executeWith(tasks);
    }

    public ObservableList<TemplateCard> cards() {
        return cards;
    }

    /** Template id to its graph, filled in once parsed. */
    public ObservableMap<String, Document> previews() {
        return previews;
    }

    /** The card the user picked, or null. */
    public ObjectProperty<TemplateCard> chosenProperty() {
        return chosen;
    }
}
