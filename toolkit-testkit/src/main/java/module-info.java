/** Test support for the toolkit and for plugin authors. */
module ai.datachain.toolkit.testkit {
    requires ai.datachain.toolkit.host;
    requires transitive ai.datachain.toolkit.api;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;

    exports ai.datachain.toolkit.testkit;
}
