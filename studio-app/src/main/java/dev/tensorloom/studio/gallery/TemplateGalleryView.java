package dev.tensorloom.studio.gallery;

import dev.tensorloom.templates.TemplateCard;
import org.controlsfx.control.GridView;

/** The template gallery: a grid of cards; clicking one chooses it. */
public final class TemplateGalleryView extends GridView<TemplateCard> {
    public static final double CARD_WIDTH = 300;
    public static final double CARD_HEIGHT = 300;

    public TemplateGalleryView(TemplateGalleryViewModel viewModel) {
        super(viewModel.cards());
        setId("template-gallery");
        getStyleClass().add("template-gallery");
        setCellWidth(CARD_WIDTH);
        setCellHeight(CARD_HEIGHT);
        setCellFactory(g -> new TemplateCardCell(viewModel));
    }
}
