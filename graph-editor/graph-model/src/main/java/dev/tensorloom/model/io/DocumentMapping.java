package dev.tensorloom.model.io;

import dev.tensorloom.model.command.Fragment;
import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.doc.Wire;
import java.util.TreeMap;

/** Converts a {@link Project} to the file data classes for saving. */
final class DocumentMapping {
    private DocumentMapping() {
    }

    static ProjectFile toFile(Project project) {
        Document doc = project.document();
        TreeMap<String, ProjectFile.LayoutEntry> layout = new TreeMap<>();
        ProjectFile.GraphSection graph = graph(Fragment.of(doc), layout);
        TreeMap<String, ProjectFile.BlockEntry> blocks = new TreeMap<>();
        for (SavedBlock b : project.sortedBlocks().values()) {
            TreeMap<String, ProjectFile.LayoutEntry> at = new TreeMap<>();
            ProjectFile.GraphSection inside = graph(b.content(), at);
            blocks.put(b.id(), new ProjectFile.BlockEntry(b.title(), inside, at));
        }
        TrainingConfig c = doc.config();
        ProjectFile.TrainingSection training = new ProjectFile.TrainingSection(c.dataset(), c.optimizer(),
                c.learningRate(), c.schedule(), c.warmupSteps(), c.weightDecay(), c.momentum(), c.gradientClip(),
                c.batchSize(), c.steps(), c.epochs(), c.evalEvery(), c.seed(), c.device(), c.checkpointPolicy());
        return new ProjectFile(ProjectFormat.CURRENT_VERSION, project.name(), graph, layout, training, blocks);
    }

    /** Nodes, wires and groups of a document or a block by id; node places go to {@code layout}. */
    private static ProjectFile.GraphSection graph(Fragment f, TreeMap<String, ProjectFile.LayoutEntry> layout) {
        TreeMap<String, ProjectFile.NodeEntry> nodes = new TreeMap<>();
        for (Node n : f.nodes()) {
            nodes.put(n.id(), new ProjectFile.NodeEntry(n.type(), n.label(), n.group(), new TreeMap<>(n.params())));
            layout.put(n.id(), new ProjectFile.LayoutEntry(n.position().x(), n.position().y()));
        }
        TreeMap<String, ProjectFile.WireEntry> wires = new TreeMap<>();
        for (Wire w : f.wires()) {
            wires.put(w.id(), new ProjectFile.WireEntry(w.from().toString(), w.to().toString()));
        }
        TreeMap<String, ProjectFile.GroupEntry> groups = new TreeMap<>();
        for (Group g : f.groups()) {
            groups.put(g.id(), new ProjectFile.GroupEntry(g.label(), g.collapsed(), g.parent(), g.block()));
        }
        return new ProjectFile.GraphSection(nodes, wires, groups);
    }
}
