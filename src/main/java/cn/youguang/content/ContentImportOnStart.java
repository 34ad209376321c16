package cn.youguang.content;

import cn.youguang.common.StartupLock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Imports content/ when the service starts, unless it was started only to run the import command. Instances
 * starting together import one after the other under a startup lock: the second finds every file unchanged,
 * instead of both writing the same entries and one failing at commit.
 */
@ApplicationScoped
public class ContentImportOnStart {

    void onStart(@Observes StartupEvent event, ContentConfig config, ContentImporter importer, StartupLock lock,
                 @CommandLineArguments String[] args) {
        if (config.importOnStart() && !YouguangCommand.isImport(args)) {
            lock.exclusively(StartupLock.CONTENT_IMPORT, importer::importAll);
        }
    }
}
