/**
 * The datachain toolkit's plugin contract. Plugins run in PF4J class loaders (the unnamed
 * module), so every package here is exported to everyone.
 */
module ai.datachain.toolkit.api {
    requires transitive org.pf4j;
    requires transitive org.apache.commons.cli;
    requires transitive org.apache.commons.configuration2;
    requires transitive org.eclipse.microprofile.config;

    exports ai.datachain.toolkit.api;
    exports ai.datachain.toolkit.api.config;
    exports ai.datachain.toolkit.api.plugins;
}
