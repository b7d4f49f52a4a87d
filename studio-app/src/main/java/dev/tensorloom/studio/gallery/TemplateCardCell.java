package dev.tensorloom.studio.gallery;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.templates.TemplateCard;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

/** One gallery card: a picture of the template's graph, its title, what it teaches and the technique. */
final class TemplateCardCell extends GridCell<TemplateCard> {
    private final TemplateGalleryViewModel viewModel;
    private final GraphPicture picture = new GraphPicture().maxScale(0.6).foldWiderThan(3);
    private final Label title = new Label();
    private final Label teaches = new Label();
    private final Label technique = new Label();
    private final VBox card = new VBox(picture, title, teaches, technique);

    TemplateCardCell(TemplateGalleryViewModel viewModel) {
        this.viewModel = viewModel;
        card.getStyleClass().add("template-card");
        picture.getStyleClass().add("template-card-picture");
        title.getStyleClass().add("template-card-title");
        teaches.getStyleClass().add("template-card-teaches");
        technique.getStyleClass().add("template-card-technique");
        teaches.setWrapText(true);
        technique.setWrapText(true);
        viewModel.previews().addListener((MapChangeListener<String, Document>) c -> {
            if (getItem() != null && c.getKey().equals(getItem().id())) {
                picture.show(c.getValueAdded());
            }
        });
        setOnMouseClicked(e -> {
            if (getItem() != null) {
                viewModel.chosenProperty().set(getItem());
            }
        });
    }

    @Override
    protected void updateItem(TemplateCard item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        setId("template-" + item.id());
        title.setText(item.title());
        teaches.setText(item.teaches());
        technique.setText(item.technique());
        Document doc = viewModel.previews().get(item.id());
        picture.show(doc != null ? doc : new Document());
        setGraphic(card);
    }
}
