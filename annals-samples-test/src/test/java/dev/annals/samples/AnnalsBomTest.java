package dev.annals.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM lists every artifact the reactor publishes (a module not marked {@code maven.deploy.skip}), at the
 * reactor's version, so that a module added later cannot be forgotten in it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AnnalsBomTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void lists_every_published_module_of_the_reactor_at_its_version() throws Exception {
        Document root = parse(ROOT.resolve("pom.xml"));
        Document bom = parse(ROOT.resolve("annals-bom/pom.xml"));
        var published = new ArrayList<String>();
        for (String module : texts(child(root.getDocumentElement(), "modules"), "module")) {
            Element pom = parse(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            Element properties = child(pom, "properties");
            boolean skipped =
                    properties != null && texts(properties, "maven.deploy.skip").contains("true");
            String artifactId = texts(pom, "artifactId").getFirst();
            if (!skipped && !artifactId.equals("annals-bom")) {
                published.add(artifactId);
            }
        }

        var listed =
                elements(child(child(bom.getDocumentElement(), "dependencyManagement"), "dependencies"), "dependency")
                        .stream()
                        .map(dependency -> texts(dependency, "artifactId").getFirst())
                        .toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
        assertThat(texts(bom.getDocumentElement(), "version"))
                .containsExactlyElementsOf(texts(root.getDocumentElement(), "version"));
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        var found = elements(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> elements(Element parent, String name) {
        var children = parent.getChildNodes();
        return IntStream.range(0, children.getLength())
                .mapToObj(children::item)
                .filter(node -> node.getNodeType() == Node.ELEMENT_NODE
                        && node.getNodeName().equals(name))
                .map(Element.class::cast)
                .toList();
    }

    private static List<String> texts(Element parent, String name) {
        return elements(parent, name).stream()
                .map(element -> element.getTextContent().strip())
                .toList();
    }
}
