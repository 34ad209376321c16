package cn.youguang.content;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Imports content/ when the service starts, unless it was started only to run the import command. */
@ApplicationScoped
public class ContentImportOnStart {

    void onStart(@Observes StartupEvent event, ContentConfig config, ContentImporter importer,
                 @CommandLineArguments String[] args) {
        if (config.importOnStart() && !YouguangCommand.isImport(args)) {
            importer.importAll();
        }
    }
}
