package cn.youguang.content;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Entry point. Without arguments the service runs until stopped; {@code import} imports content/ once, prints
 * the report and exits (status 1 when a file had problems), for re-importing on demand from the command line;
 * {@code export} writes every entry back to content/ as Markdown (entries edited through the API included).
 */
@QuarkusMain
public class YouguangCommand implements QuarkusApplication {

    @Inject
    ContentImporter importer;

    @Inject
    ContentExporter exporter;

    /** Started to run a command (import or export) rather than to serve. */
    static boolean isImport(String[] args) {
        return args != null && args.length > 0 && ("import".equals(args[0]) || "export".equals(args[0]));
    }

    @Override
    public int run(String... args) {
        if (!isImport(args)) {
            Quarkus.waitForExit();
            return 0;
        }
        if ("export".equals(args[0])) {
            ContentExporter.ExportReport exported = args.length > 1
                    ? exporter.exportTo(java.nio.file.Path.of(args[1])) : exporter.exportAll();
            System.out.println(exported.summary());
            exported.files().forEach(f -> System.out.println("  " + f));
            return 0;
        }
        ImportReport report = args.length > 1 ? importer.importFrom(java.nio.file.Path.of(args[1])) : importer.importAll();
        System.out.println(report.summary());
        report.problems().forEach(p -> System.out.println("  " + p));
        report.conflicts().forEach(c -> System.out.println("  " + c));
        return report.ok() ? 0 : 1;
    }
}
