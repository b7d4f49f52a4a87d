package dev.tensorloom.studio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tensorloom.templates.TemplateCard;
import dev.tensorloom.templates.TemplateCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tensorloom templates}: the template ids with their titles. */
@Command(name = "templates", description = "List the template ids with their titles.")
final class TemplatesCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print machine-readable JSON (the full gallery cards).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(catalog.cards()));
            return TensorloomCli.OK;
        }
        int width = catalog.cards().stream().mapToInt(c -> c.id().length()).max().orElse(0);
        for (TemplateCard card : catalog.cards()) {
            out.printf("%-" + Math.max(width, 1) + "s  %s%n", card.id(), card.title());
        }
        return TensorloomCli.OK;
    }
}
