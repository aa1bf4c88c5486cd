package ai.datachain.toolkit.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM repeats the parent pom's versions (it cannot inherit them, see its pom): what it tells
 * plugin authors is what the toolkit is built with and the image carries.
 */
class ToolkitBomTest {

    private static final Path SOURCES = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyVersionOfTheBomIsTheOneTheToolkitIsBuiltWith() throws Exception {
        Document parent = read(SOURCES.resolve("pom.xml"));
        Document bom = read(SOURCES.resolve("toolkit-bom/pom.xml"));
        Map<String, String> parentVersions = properties(parent);
        Map<String, String> bomVersions = properties(bom);
        String toolkit = text(parent.getDocumentElement(), "version");

        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(toolkit);
        bomVersions.forEach((name, version) -> {
            if (name.equals("jackson-annotations.version")) {
                // Since Jackson 2.20 the annotations carry major.minor only.
                assertThat(parentVersions.get("jackson.version")).startsWith(version + ".");
            } else {
                assertThat(version).as(name).isEqualTo(parentVersions.get(name));
            }
        });
        NodeList dependencies = bom.getElementsByTagName("dependency");
        assertThat(dependencies.getLength()).isGreaterThan(5);
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String version = text(dependency, "version");
            String artifact = text(dependency, "artifactId");
            if (text(dependency, "groupId").equals("ai.datachain.toolkit")) {
                assertThat(version).as(artifact).isEqualTo(toolkit);
                assertThat(text(dependency, "scope")).as(artifact)
                        .isEqualTo(artifact.equals("toolkit-testkit") ? "test" : "provided");
            } else {
                assertThat(version).as(artifact).matches("\\$\\{[^}]+\\}");
                assertThat(bomVersions).as(artifact).containsKey(version.substring(2, version.length() - 1));
                assertThat(text(dependency, "scope")).as(artifact).isEqualTo("provided");
            }
        }
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        Element element = (Element) pom.getDocumentElement().getElementsByTagName("properties").item(0);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element property) {
                properties.put(property.getTagName(), property.getTextContent().strip());
            }
        }
        return properties;
    }

    /** The text of {@code parent}'s own child element {@code name}, or "" when it has none. */
    private static String text(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        return "";
    }
}
