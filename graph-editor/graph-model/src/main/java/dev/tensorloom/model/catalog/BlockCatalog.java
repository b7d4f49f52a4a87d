package dev.tensorloom.model.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every block type the studio knows, by id. {@link #standard()} holds the built-in library; composite
 * blocks made from saved groups are registered at run time.
 */
public final class BlockCatalog {
    private final Map<String, BlockType> types = new LinkedHashMap<>();

    /** The built-in library: data, core, transformer, state-space, flow, detection and loss blocks. */
    public static BlockCatalog standard() {
        BlockCatalog catalog = new BlockCatalog();
        DataBlocks.register(catalog);
        CoreBlocks.register(catalog);
        TransformerBlocks.register(catalog);
        StateSpaceBlocks.register(catalog);
        FlowBlocks.register(catalog);
        DetectionBlocks.register(catalog);
        LossBlocks.register(catalog);
        return catalog;
    }

    public void register(BlockType type) {
        if (types.putIfAbsent(type.id(), type) != null) {
            throw new IllegalArgumentException("block type '" + type.id() + "' is registered twice");
        }
    }

    public Optional<BlockType> find(String id) {
        return Optional.ofNullable(types.get(id));
    }

    public BlockType require(String id) {
        BlockType t = types.get(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown block type '" + id + "'");
        }
        return t;
    }

    /** All types, by palette category then title. */
    public List<BlockType> all() {
        List<BlockType> list = new ArrayList<>(types.values());
        list.sort(Comparator.comparing(BlockType::category).thenComparing(BlockType::title));
        return list;
    }

    public List<BlockType> inCategory(BlockCategory category) {
        return all().stream().filter(t -> t.category() == category).toList();
    }

    /** Types whose id, title or description contains every word of the query, ignoring case. */
    public List<BlockType> search(String query) {
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return all().stream().filter(t -> {
            String hay = (t.id() + " " + t.title() + " " + t.description() + " " + t.category().title())
                    .toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!hay.contains(w)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    public int size() {
        return types.size();
    }
}
