package dev.tensorloom.studio.gallery;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.templates.TemplateCard;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
    // The card has room for a few lines; the whole text is one hover away.
    private final Tooltip whole = new Tooltip();

    TemplateCardCell(TemplateGalleryViewModel viewModel) {
        this.viewModel = viewModel;
        card.getStyleClass().add("template-card");
        picture.getStyleClass().add("template-card-picture");
        title.getStyleClass().add("template-card-title");
        teaches.getStyleClass().add("template-card-teaches");
        technique.getStyleClass().add("template-card-technique");
        // A long title ("Deep chain: gradient checkpointing showcase") takes a second line from the description
        // rather than ending in "…": it is what the card is picked by.
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        teaches.setWrapText(true);
        // The description takes whatever height the card has left, so it is cut only when it must be.
        teaches.setMaxHeight(Double.MAX_VALUE);
        teaches.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        VBox.setVgrow(teaches, Priority.ALWAYS);
        // The technique is one line (the tooltip has it whole); what the template teaches gets the room.
        technique.setWrapText(false);
        whole.setWrapText(true);
        whole.setMaxWidth(TemplateGalleryView.CARD_WIDTH * 1.5);
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
            setTooltip(null);
            return;
        }
        setId("template-" + item.id());
        title.setText(item.title());
        teaches.setText(item.teaches());
        technique.setText(item.technique());
        whole.setText(item.title() + "\n\n" + item.teaches() + "\n\n" + item.technique());
        setTooltip(whole);
        Document doc = viewModel.previews().get(item.id());
        picture.show(doc != null ? doc : new Document());
        setGraphic(card);
    }
}
