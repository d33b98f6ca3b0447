package dev.envparity.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Puts the service and the operation in front of every failure's message ("DynamoDB PutItem: …", "SSM GetParameter:
 * …"), so that a log line or a start-up error says which call failed. The exception keeps its type (a
 * ConditionalCheckFailedException stays one) and its AWS error code; AWS error messages and the SDK's own name
 * no credential.
 */
final class OperationNaming implements ExecutionInterceptor {

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        String call = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + ": ";
        Throwable e = context.exception();
        if (e instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String text = details == null ? null : details.errorMessage();
            return service.toBuilder().message(call + (code == null ? "HTTP " + service.statusCode() : code)
                    + (text == null || text.isBlank() ? "" : ": " + text)).build();
        }
        if (e instanceof SdkClientException client) {
            return client.toBuilder().message(call + client.getMessage()).build();
        }
        return e;
    }
}
