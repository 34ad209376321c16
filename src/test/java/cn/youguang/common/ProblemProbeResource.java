package cn.youguang.common;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoints that make the failures no public endpoint of this issue can produce on purpose (a body
 * with the wrong content type, an unexpected exception), so the one problem mapper is tested for them too.
 */
@Path("/test/problems")
@PermitAll
public class ProblemProbeResource {

    public record Greeting(String name, int count) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Greeting echo(Greeting greeting) {
        return greeting;
    }

    @GET
    @Path("/boom/{anything}")
    public String boomAt(@jakarta.ws.rs.PathParam("anything") String anything) {
        throw new IllegalStateException("failed at " + anything);
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("select secret from users where password = 'hunter2'");
    }
}
