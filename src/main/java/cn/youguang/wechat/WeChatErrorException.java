package cn.youguang.wechat;

import cn.youguang.common.UpstreamRefusedException;

/** WeChat answered with an error code. Only the code is kept: WeChat's messages are not for our clients. */
public class WeChatErrorException extends UpstreamRefusedException {

    public static final int INVALID_CODE = 40029;
    public static final int CODE_ALREADY_USED = 40163;
    public static final int NOT_AUTHORIZED_TO_SUBSCRIBE = 43101;

    private final int code;

    WeChatErrorException(String operation, int code) {
        super("WeChat " + operation + " failed with errcode " + code);
        this.code = code;
    }

    public int code() {
        return code;
    }

    @Override
    public String publicDetail() {
        return "WeChat refused the request (errcode " + code + ")";
    }
}
