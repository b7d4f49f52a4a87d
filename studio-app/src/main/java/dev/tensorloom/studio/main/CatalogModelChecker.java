package dev.tensorloom.studio.main;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.estimate.Estimates;
import dev.tensorloom.model.estimate.Units;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.model.validate.ShapeReport;
import dev.tensorloom.model.validate.ValidationSummary;
import dev.tensorloom.model.validate.Validator;

/** The status bar's check: shape inference, validation ("2 errors, 1 warning") and the parameter count. */
public final class CatalogModelChecker implements ModelChecker {
    private final BlockCatalog catalog;

    public CatalogModelChecker(BlockCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Summary check(Document doc) {
        if (doc.nodeCount() == 0) {
            return new Summary("Empty model", "");
        }
        ShapeReport shapes = ShapeInference.run(doc, catalog);
        ValidationSummary summary = ValidationSummary.of(Validator.validate(doc, catalog, shapes));
        Estimates estimates = Estimates.compute(doc, catalog, shapes);
        // An incomplete sum is a lower bound, and the "≥" says so rather than showing a wrong total.
        String params = (estimates.complete() ? "" : "≥ ") + Units.params(estimates.total().parameters());
        return new Summary(summary.text(), params);
    }
}
