package cn.youguang.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Object storage (MinIO in production, an S3Proxy process on loopback in the embedded default and tests). */
@ConfigMapping(prefix = "youguang.storage")
public interface StorageConfig {

    /** S3 endpoint, e.g. https://minio.example.gov.cn; empty means "start the embedded S3 server" (dev/test only). */
    Optional<String> endpoint();

    /**
     * Endpoint as phones and browsers reach it, when it differs from the one this service uses (e.g. internal
     * http://minio:9000 vs https://media.example.gov.cn). Presigned URLs are signed for this host.
     */
    Optional<String> publicEndpoint();

    /** Access key for the endpoint; required with an endpoint. */
    Optional<String> accessKey();

    /** Secret key for the endpoint; required with an endpoint. */
    Optional<String> secretKey();

    /** Region sent when signing; set explicitly so presigning never needs a network round trip. */
    @WithDefault("us-east-1")
    String region();

    /** Bucket holding public media (prefix public/) and, later, private evidence (prefix private/). */
    @WithDefault("youguang-media")
    String bucket();

    /** Base URL under which public objects are addressed in rendered content (the service's /media redirect by default). */
    String publicMediaUrl();

    /** How long a presigned GET issued for a public object stays valid. */
    @WithDefault("PT1H")
    Duration presignedGetExpiry();

    Embedded embedded();

    interface Embedded {

        /** Whether this profile may start its own S3Proxy process when no endpoint is configured. */
        @WithDefault("false")
        boolean enabled();

        /** The S3Proxy jar-with-dependencies copied there by the Maven build. */
        @WithDefault("target/s3proxy/s3proxy.jar")
        String jar();

        /** Folder of the filesystem backend. */
        @WithDefault("${youguang.data-dir}/objects")
        String basedir();

        /** Loopback port; 0 picks a free one at each start. */
        @WithDefault("0")
        int port();
    }
}
