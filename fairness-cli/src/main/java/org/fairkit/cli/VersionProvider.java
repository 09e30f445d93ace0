package org.fairkit.cli;

import org.fairkit.core.Provenance;
import picocli.CommandLine.IVersionProvider;

/** {@code fairkit --version}: the library version every report's provenance records, and the Java runtime. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"fairkit " + Provenance.currentLibraryVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
