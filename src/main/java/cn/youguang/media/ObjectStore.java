package cn.youguang.media;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.PostPolicy;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import okhttp3.OkHttpClient;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The one owner of the MinIO client. Object keys are made by the service (never taken from a client) and public
 * media lives under {@code public/}; a key that does not fit {@link #KEY} is refused before any S3 call.
 */
@Startup
@ApplicationScoped
public class ObjectStore {

    public static final String PUBLIC_PREFIX = "public/";
    public static final String PRIVATE_PREFIX = "private/";
    static final Pattern KEY = Pattern.compile("(?:public|private)/[A-Za-z0-9][A-Za-z0-9._-]{0,127}(?:/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,6}");
    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final StorageConfig config;
    private final MinioClient client;
    /** signs URLs for the host clients use; signing is local, this client never connects */
    private final MinioClient presigner;
    private final String endpoint;
    private final String clientEndpoint;

    public ObjectStore(StorageConfig config, EmbeddedS3Server embedded) {
        this.config = config;
        String url;
        String accessKey;
        String secretKey;
        if (config.endpoint().filter(e -> !e.isBlank()).isPresent()) {
            url = config.endpoint().get();
            accessKey = config.accessKey().filter(k -> !k.isBlank()).orElseThrow(() ->
                    new IllegalStateException("YOUGUANG_S3_ACCESS_KEY must be set with YOUGUANG_S3_ENDPOINT"));
            secretKey = config.secretKey().filter(k -> !k.isBlank()).orElseThrow(() ->
                    new IllegalStateException("YOUGUANG_S3_SECRET_KEY must be set with YOUGUANG_S3_ENDPOINT"));
        } else if (config.embedded().enabled()) {
            EmbeddedS3Server.Endpoint local = embedded.start();
            url = local.url();
            accessKey = local.accessKey();
            secretKey = local.secretKey();
        } else {
            throw new IllegalStateException("No object store configured: set YOUGUANG_S3_ENDPOINT, "
                    + "YOUGUANG_S3_ACCESS_KEY and YOUGUANG_S3_SECRET_KEY (only the embedded default starts its own)");
        }
        this.endpoint = url;
        // short connect timeout: a dead store should turn health DOWN quickly, not hang requests. Idle connections
        // are dropped after 20 s, before a server's own keep-alive timeout (S3Proxy's Jetty: 30 s) closes them
        // under us; a connection closed anyway is retried once by the background jobs (download, putFile).
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                .connectionPool(new okhttp3.ConnectionPool(5, 20, TimeUnit.SECONDS))
                .retryOnConnectionFailure(false)
                .build();
        this.client = MinioClient.builder().endpoint(url).region(config.region())
                .credentials(accessKey, secretKey).httpClient(http).build();
        this.clientEndpoint = config.publicEndpoint().filter(e -> !e.isBlank()).orElse(url);
        this.presigner = clientEndpoint.equals(url) ? client : MinioClient.builder().endpoint(clientEndpoint)
                .region(config.region()).credentials(accessKey, secretKey).httpClient(http).build();
        ensureBucket();
    }

    private void ensureBucket() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).region(config.region()).build());
                LOG.infof("Created bucket %s on %s", config.bucket(), endpoint);
            }
        } catch (Exception e) {
            // the service still starts; health reports the store DOWN until it answers
            LOG.errorf("Object store at %s is not reachable at start (%s)", endpoint, describe(e));
        }
    }

    /** A cheap round trip for the health check. */
    public void ping() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                throw new StorageUnavailableException("ping: bucket " + config.bucket() + " is missing", null);
            }
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageUnavailableException("ping", e);
        }
    }

    public boolean exists(String key) {
        return stat(key).isPresent();
    }

    public void put(String key, byte[] bytes, String contentType) {
        checkKey(key);
        try {
            client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(key)
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
                    .contentType(contentType).build());
        } catch (Exception e) {
            throw new StorageUnavailableException("put", e);
        }
    }

    /** A short-lived GET URL straight to the store: the bytes never pass through this service. */
    public String presignedGet(String key, Duration expiry) {
        checkKey(key);
        try {
            return presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                    .bucket(config.bucket()).object(key).expiry((int) expiry.toSeconds()).build());
        } catch (Exception e) {
            throw new StorageUnavailableException("presign", e);
        }
    }

    /** A browser-style POST upload: the form fields and the URL to send them (with the file) to. */
    public record PresignedPost(String url, Map<String, String> fields) {
    }

    /**
     * A presigned POST policy for exactly this key, content type and size range, valid until {@code expiry}.
     * The store itself refuses a body that breaks the policy, so the bytes never pass through this service.
     */
    public PresignedPost presignedPost(String key, String contentType, long maxBytes, ZonedDateTime expiry) {
        checkKey(key);
        try {
            PostPolicy policy = new PostPolicy(config.bucket(), expiry);
            policy.addEqualsCondition("key", key);
            policy.addEqualsCondition("Content-Type", contentType);
            policy.addContentLengthRangeCondition(1, maxBytes);
            Map<String, String> fields = new LinkedHashMap<>(presigner.getPresignedPostFormData(policy));
            fields.put("key", key);
            fields.put("Content-Type", contentType);
            return new PresignedPost(stripSlash(clientEndpoint) + "/" + config.bucket(), fields);
        } catch (Exception e) {
            throw new StorageUnavailableException("presign post", e);
        }
    }

    /** Size and stored content type of an object, or empty when there is none. */
    public Optional<StoredObject> stat(String key) {
        checkKey(key);
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build());
            return Optional.of(new StoredObject(stat.size(), stat.contentType()));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || e.response().code() == 404) {
                return Optional.empty();
            }
            throw new StorageUnavailableException("stat", e);
        } catch (Exception e) {
            throw new StorageUnavailableException("stat", e);
        }
    }

    public record StoredObject(long size, String contentType) {
    }

    /** The first bytes of an object (a ranged GET): enough to check magic numbers and read image headers. */
    public byte[] head(String key, int bytes) {
        checkKey(key);
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(config.bucket()).object(key)
                .offset(0L).length((long) bytes).build())) {
            return in.readNBytes(bytes);
        } catch (Exception e) {
            throw new StorageUnavailableException("read", e);
        }
    }

    /** Copies an object to a local file, for background processing (never on a request path). */
    public void download(String key, Path target) {
        checkKey(key);
        onceMoreIfTheConnectionBroke("download", () -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(config.bucket()).object(key).build())) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    public void putFile(String key, Path file, String contentType) {
        checkKey(key);
        onceMoreIfTheConnectionBroke("put", () -> client.uploadObject(UploadObjectArgs.builder().bucket(config.bucket())
                .object(key).filename(file.toString()).contentType(contentType).build()));
    }

    @FunctionalInterface
    private interface StoreCall {
        void run() throws Exception;
    }

    /**
     * Background work repeats an idempotent call once when the connection broke under it (a keep-alive connection
     * the server had closed, a reset): the second attempt opens a fresh connection. An answer from the store
     * (ErrorResponseException) is not a broken connection and is not repeated.
     */
    private void onceMoreIfTheConnectionBroke(String operation, StoreCall call) {
        try {
            call.run();
        } catch (java.io.IOException first) {
            LOG.warnf(first, "Object store %s: connection broke (%s); trying once more on a new connection", operation,
                    first.getClass().getSimpleName());
            try {
                call.run();
            } catch (Exception second) {
                throw new StorageUnavailableException(operation, second);
            }
        } catch (Exception e) {
            throw new StorageUnavailableException(operation, e);
        }
    }

    /**
     * A server-side copy with the given content type (the source's own type and metadata are not kept): how an
     * upload is moved to a key no client's POST policy names, with the type its verified format has.
     */
    public void copy(String source, String target, String contentType) {
        checkKey(source);
        checkKey(target);
        try {
            client.copyObject(io.minio.CopyObjectArgs.builder().bucket(config.bucket()).object(target)
                    .source(io.minio.CopySource.builder().bucket(config.bucket()).object(source).build())
                    .headers(Map.of("Content-Type", contentType, "X-Content-Type-Options", "nosniff"))
                    .metadataDirective(io.minio.Directive.REPLACE).build());
        } catch (Exception e) {
            throw new StorageUnavailableException("copy", e);
        }
    }

    /** Removes an object; removing one that is not there is not an error. */
    public void delete(String key) {
        checkKey(key);
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(config.bucket()).object(key).build());
        } catch (Exception e) {
            throw new StorageUnavailableException("delete", e);
        }
    }

    /** A presigned GET for this service's own tools (ffprobe, ffmpeg), on the endpoint it reaches internally. */
    public String internalGetUrl(String key, Duration expiry) {
        checkKey(key);
        try {
            return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                    .bucket(config.bucket()).object(key).expiry((int) expiry.toSeconds()).build());
        } catch (Exception e) {
            throw new StorageUnavailableException("presign", e);
        }
    }

    /** The stable address of a public object as it appears in rendered content. */
    public String publicUrl(String key) {
        checkKey(key);
        if (!key.startsWith(PUBLIC_PREFIX)) {
            throw new IllegalArgumentException("Only public/ objects have a public URL");
        }
        return stripSlash(config.publicMediaUrl()) + "/" + key;
    }

    public String bucket() {
        return config.bucket();
    }

    public String endpoint() {
        return endpoint;
    }

    /** Where browsers and phones send uploads (scheme, host and port), for a page's Content-Security-Policy. */
    public String clientOrigin() {
        return origin(clientEndpoint);
    }

    /** Where public media is read from, for a page's Content-Security-Policy. */
    public String publicOrigin() {
        return origin(publicUrl("public/x"));
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Class and S3 error code only: SDK messages may hold URLs with credentials. */
    static String describe(Throwable e) {
        if (e instanceof ErrorResponseException s3) {
            return "S3 error " + s3.errorResponse().code() + " (HTTP " + s3.response().code() + ")";
        }
        return e.getClass().getSimpleName();
    }

    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches() && !key.contains("..");
    }

    private static void checkKey(String key) {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("Not an object key this service makes");
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
