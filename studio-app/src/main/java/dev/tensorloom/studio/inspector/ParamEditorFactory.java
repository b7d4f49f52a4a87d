package dev.tensorloom.studio.inspector;

import dev.tensorloom.model.catalog.ParamSpec;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;
import javafx.util.converter.DoubleStringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Editors that respect the parameter schema: spinners bounded by the range for numbers, a combo
 * box for choices, a check box for flags, a text field for text and integer lists.
 */
final class ParamEditorFactory implements Callback<PropertySheet.Item, PropertyEditor<?>> {
    @Override
    public PropertyEditor<?> call(PropertySheet.Item item) {
        ParamSpec spec = ((ParamItem) item).field().spec();
        return switch (spec.type()) {
            case INT -> integerEditor(item, spec);
            case FLOAT -> realEditor(item, spec);
            case BOOL -> Editors.createCheckEditor(item);
            case CHOICE -> Editors.createChoiceEditor(item, spec.choices());
            default -> Editors.createTextEditor(item);
        };
    }

    private static PropertyEditor<?> integerEditor(PropertySheet.Item item, ParamSpec spec) {
        int min = (int) Math.max(Integer.MIN_VALUE, spec.min() == null ? Integer.MIN_VALUE : spec.min());
        int max = (int) Math.min(Integer.MAX_VALUE, spec.max() == null ? Integer.MAX_VALUE : spec.max());
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max);
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        spinner.getStyleClass().add("param-spinner");
        String hint = ((ParamItem) item).field().zeroHint();
        if (!hint.isEmpty()) {
            // The field says what its 0 means ("0 = inferred") instead of showing a bare 0 that reads as a mistake.
            factory.setConverter(new ZeroHintConverter(hint, factory::getValue));
            spinner.setTooltip(new Tooltip(hint + ": " + item.getDescription()));
        }
        return new AbstractPropertyEditor<Object, Spinner<Integer>>(item, spinner) {
            @Override
            protected javafx.beans.value.ObservableValue<Object> getObservableValue() {
                return spinner.valueProperty().map(v -> (Object) (long) v);
            }

            @Override
            public void setValue(Object value) {
                if (value instanceof Number n) {
                    spinner.getValueFactory().setValue((int) Math.max(min, Math.min(max, n.longValue())));
                }
            }
        };
    }

    private static PropertyEditor<?> realEditor(PropertySheet.Item item, ParamSpec spec) {
        double min = spec.min() == null ? -Double.MAX_VALUE : spec.min();
        double max = spec.max() == null ? Double.MAX_VALUE : spec.max();
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, Math.max(min, Math.min(max, 0)), step(spec));
        // The default converter rounds to two decimals, which would turn eps = 1e-5 into 0.
        factory.setConverter(new DoubleStringConverter());
        Spinner<Double> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        spinner.getStyleClass().add("param-spinner");
        return new AbstractPropertyEditor<Object, Spinner<Double>>(item, spinner) {
            @Override
            protected javafx.beans.value.ObservableValue<Object> getObservableValue() {
                return spinner.valueProperty().map(v -> (Object) v);
            }

            @Override
            public void setValue(Object value) {
                if (value instanceof Number n) {
                    factory.setValue(n.doubleValue());
                }
            }
        };
    }

    /** A tenth of the default, so arrows make sensible steps for learning rates and for dropout alike. */
    private static double step(ParamSpec spec) {
        double def = spec.defaultValue() instanceof Number n ? Math.abs(n.doubleValue()) : 0;
        return def > 0 ? def / 10 : 0.1;
    }
}
