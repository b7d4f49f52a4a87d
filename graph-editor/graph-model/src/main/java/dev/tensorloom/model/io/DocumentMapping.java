package dev.tensorloom.model.io;

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
        TreeMap<String, ProjectFile.NodeEntry> nodes = new TreeMap<>();
        TreeMap<String, ProjectFile.LayoutEntry> layout = new TreeMap<>();
        for (Node n : doc.nodes()) {
            nodes.put(n.id(), new ProjectFile.NodeEntry(n.type(), n.label(), n.group(), new TreeMap<>(n.params())));
            layout.put(n.id(), new ProjectFile.LayoutEntry(n.position().x(), n.position().y()));
        }
        TreeMap<String, ProjectFile.WireEntry> wires = new TreeMap<>();
        for (Wire w : doc.wires()) {
            wires.put(w.id(), new ProjectFile.WireEntry(w.from().toString(), w.to().toString()));
        }
        TreeMap<String, ProjectFile.GroupEntry> groups = new TreeMap<>();
        for (Group g : doc.groups()) {
            groups.put(g.id(), new ProjectFile.GroupEntry(g.label(), g.collapsed()));
        }
        TrainingConfig c = doc.config();
        ProjectFile.TrainingSection training = new ProjectFile.TrainingSection(c.dataset(), c.optimizer(),
                c.learningRate(), c.schedule(), c.warmupSteps(), c.weightDecay(), c.momentum(), c.gradientClip(),
                c.batchSize(), c.steps(), c.epochs(), c.evalEvery(), c.seed(), c.device(), c.checkpointPolicy());
        return new ProjectFile(ProjectFormat.CURRENT_VERSION, project.name(),
                new ProjectFile.GraphSection(nodes, wires, groups), layout, training);
    }
}
