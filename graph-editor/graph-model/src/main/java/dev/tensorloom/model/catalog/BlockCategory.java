package dev.tensorloom.model.catalog;

/** Palette sections, in the order the palette shows them. */
public enum BlockCategory {
    DATA("Data"), CORE("Core"), TRANSFORMER("Transformer"), STATE_SPACE("State space"), FLOW("Flow"),
    DETECTION("Detection"), LOSS("Losses"), COMPOSITE("Composite");

    private final String title;

    BlockCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
