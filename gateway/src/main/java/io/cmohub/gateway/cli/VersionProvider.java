package io.cmohub.gateway.cli;

import io.cmohub.model.EntityType;
import picocli.CommandLine;

/** Reports the build version and the canonical model version. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = CmoHubCli.class.getPackage().getImplementationVersion();
        return new String[] {"cmohub " + (version == null ? "development build" : version) + ", canonical model v" + EntityType.MODEL_VERSION};
    }
}
