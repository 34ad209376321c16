package cn.youguang.common;

/**
 * A service we call answered with a refusal we cannot turn into anything more specific: a 502 problem with this
 * detail. Features extend it so that the problem mapper needs to know none of them.
 */
public abstract class UpstreamRefusedException extends RuntimeException {

    protected UpstreamRefusedException(String message) {
        super(message, null, false, false);
    }

    /** What the client is told; never the upstream's own message. */
    public abstract String publicDetail();
}
