package ai.datachain.toolkit.auth;

import ai.datachain.toolkit.api.Console;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import org.apache.commons.cli.Option;

/** The {@code --json} option and the one JSON document a command then prints on stdout. */
final class JsonOutput {

    static final String OPTION = "json";

    private JsonOutput() {}

    static Option option() {
        return Option.builder().longOpt(OPTION)
                .desc("Print the result as one JSON document on stdout, for scripts.").get();
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static ArrayNode array(ObjectMapper mapper, Collection<String> values) {
        ArrayNode array = mapper.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static void print(Console console, ObjectMapper mapper, ObjectNode document) {
        try {
            console.out().println(mapper.writeValueAsString(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
        console.out().flush();
    }
}
