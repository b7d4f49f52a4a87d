package dev.tensorloom.studio.inspector;

import dev.tensorloom.model.catalog.ParamType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** Adapts one {@link ParamField} to a PropertySheet row; edits go to the view model. */
final class ParamItem implements PropertySheet.Item {
    private final ParamField field;
    private final InspectorViewModel viewModel;

    ParamItem(ParamField field, InspectorViewModel viewModel) {
        this.field = field;
        this.viewModel = viewModel;
    }

    ParamField field() {
        return field;
    }

    @Override
    public Class<?> getType() {
        return switch (field.spec().type()) {
            case INT -> Long.class;
            case FLOAT -> Double.class;
            case BOOL -> Boolean.class;
            default -> String.class;
        };
    }

    @Override
    public String getCategory() {
        return "Parameters";
    }

    @Override
    public String getName() {
        return field.name() + (field.mixed() ? " (mixed)" : "");
    }

    @Override
    public String getDescription() {
        return field.spec().help();
    }

    @Override
    public Object getValue() {
        Object v = field.value();
        if (field.spec().type() == ParamType.INT_LIST && v instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return v;
    }

    @Override
    public void setValue(Object value) {
        // Editors echo the value they were given when they open; that is not an edit (and for a
        // mixed field it would overwrite every node with the first one's value).
        if (!Objects.equals(value, getValue())) {
            viewModel.setValue(field.name(), value);
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
