package cn.youguang.content;

import cn.youguang.common.Role;
import cn.youguang.common.StartupLock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Re-imports content/ on demand, e.g. after a deployment updated the folder, without a restart. */
@Path("/api/admin/content")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.EDITOR})
@SecurityRequirement(name = "jwt")
public class ContentImportResource {

    private final ContentImporter importer;
    private final ContentExporter exporter;
    private final StartupLock lock;

    public ContentImportResource(ContentImporter importer, ContentExporter exporter, StartupLock lock) {
        this.importer = importer;
        this.exporter = exporter;
        this.lock = lock;
    }

    @POST
    @Path("/export")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Write every entry back to content/ as Markdown; files already holding an entry's bytes are not touched")
    public ContentExporter.ExportReport export() {
        return exporter.exportAll();
    }

    @POST
    @Path("/import")
    @Operation(summary = "Import content/ now; unchanged files write nothing. The report names each bad file and field")
    public ImportReport run() {
        // one import at a time across instances, as at start: two at once failed one at commit
        return lock.exclusively(StartupLock.CONTENT_IMPORT, importer::importAll);
    }
}
