package dev.tensorloom.templates;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The template gallery: cards from {@code index.json} and one project file per template, both
 * shipped as resources of this module.
 */
public final class TemplateCatalog {
    private static final String BASE = "/dev/tensorloom/templates/";
    private final List<TemplateCard> cards;

    private TemplateCatalog(List<TemplateCard> cards) {
        this.cards = List.copyOf(cards);
    }

    /** The built-in gallery. */
    public static TemplateCatalog builtIn() {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(BASE + "index.json")) {
            if (in == null) {
                throw new IllegalStateException("template index missing from the jar");
            }
            List<TemplateCard> cards = new ObjectMapper().readValue(in, new TypeReference<List<TemplateCard>>() { });
            return new TemplateCatalog(cards);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template index", e);
        }
    }

    public List<TemplateCard> cards() {
        return cards;
    }

    public Optional<TemplateCard> find(String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The card with this id, or an {@link IllegalArgumentException} listing the known ids. */
    public TemplateCard require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown template '" + id + "'; known: "
                + String.join(", ", cards.stream().map(TemplateCard::id).toList())));
    }

    /** The template's project file as JSON text. */
    public String projectJson(String id) {
        require(id);
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(BASE + id + ".tlm")) {
            if (in == null) {
                throw new IllegalStateException("project file of template '" + id + "' missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resource name of the template's project file, for located error messages. */
    public String sourceName(String id) {
        return id + ".tlm";
    }
}
