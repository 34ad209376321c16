package cn.youguang.media;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectObjectStoreProxy;
import cn.youguang.testing.ObjectStoreBehindProxy;
import cn.youguang.testing.TcpProxy;
import cn.youguang.testing.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The object store's connections break under the image jobs: a connection the server closed while it sat in the
 * pool is replaced on the spot, and a job that meets a store that is down gives its claim back and tries again
 * after a short, growing wait instead of holding a 10-minute lease.
 */
@QuarkusTest
@TestProfile(ImageJobFaultsTest.StoreBehindProxy.class)
class ImageJobFaultsTest {

    public static class StoreBehindProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ObjectStoreBehindProxy.class));
        }
    }

    @InjectObjectStoreProxy
    TcpProxy store;

    @Inject
    ObjectStore objects;

    @Inject
    DataSource dataSource;

    @AfterEach
    void storeBack() {
        store.resume();
    }

    @Test
    void aConnectionTheServerClosedIsReplacedNotFailed() throws Exception {
        String key = "private/test/" + UUID.randomUUID() + ".jpg";
        objects.put(key, TestImages.jpeg(40, 30, Color.RED), "image/jpeg");
        Path copy = Files.createTempFile("stale-", ".jpg");
        objects.download(key, copy);

        // the server closes the kept-alive connection while it sits idle in the client's pool
        store.drop();

        objects.download(key, copy);
        assertThat(Files.size(copy)).isGreaterThan(100);
        Files.deleteIfExists(copy);
    }

    @Test
    void aJobThatMeetsAStoreThatIsDownGivesItsClaimBackAndSucceedsWhenTheStoreIsBack() {
        Accounts.SignedIn editor = Accounts.newStaff("fault-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.EDITOR));
        String id = UploadTest.upload(editor, "image", TestImages.jpeg(800, 600, Color.BLUE), "image/jpeg");
        DatabaseRows rows = new DatabaseRows(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> "READY".equals(
                rows.single("select rendition_status from media_upload where id = ?", id)));

        // the store goes down, and the image is due for processing again
        store.refuse();
        rows.update("update media_upload set rendition_status = 'PENDING' where id = ?", id);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(rows.count("select count(*) from media_upload where id = ? and rendition_status = 'PENDING'"
                    + " and rendition_retry_at is not null and rendition_attempts >= 1", id)).isEqualTo(1);
        });

        store.resume();
        await().atMost(Duration.ofSeconds(15)).until(() -> "READY".equals(
                rows.single("select rendition_status from media_upload where id = ?", id)));
    }
}
