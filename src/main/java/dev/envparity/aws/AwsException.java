package dev.envparity.aws;

/**
 * An AWS API error: {@code type} is the error code AWS returns ("ParameterNotFound",
 * "ConditionalCheckFailedException", "AccessDeniedException").
 */
public class AwsException extends RuntimeException {
    private final int status;
    private final String type;

    public AwsException(String service, int status, String type, String message) {
        super(status == 0 ? service + ": " + (message == null ? type : message)
                : service + " answered HTTP " + status + (type == null ? "" : " " + type) + (message == null ? "" : ": " + message));
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type == null ? "" : type;
    }
}
