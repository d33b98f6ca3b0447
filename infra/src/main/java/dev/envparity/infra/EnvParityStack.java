package dev.envparity.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.InvokeMode;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * envparity on AWS: the function (native on provided.al2023 arm64 by default; the JVM build with SnapStart), its
 * published version behind the alias {@value #ALIAS}, which the Function URL for deploy webhooks (the function
 * verifies every signature itself), the EventBridge Scheduler schedule (with retries and a dead-letter queue) and
 * the function's own asynchronous self-invocations all call — never {@code $LATEST}, a DynamoDB table for notification state, Secrets Manager secrets readable by the function
 * alone, a log group with retention, alarms on errors and dead letters, and a role that can do exactly what the
 * function needs.
 */
public class EnvParityStack extends Stack {
    static final String QUARKUS_JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final String CONFIG_PATH = "/opt/envparity/parity.yaml";
    /** What every caller invokes; each deploy publishes a version and points the alias at it. */
    static final String ALIAS = "live";
    static final String SCHEDULE_INPUT = "{\"kind\":\"scheduled-parity-run\",\"scheduleArn\":\"<aws.scheduler.schedule-arn>\","
            + "\"scheduledTime\":\"<aws.scheduler.scheduled-time>\",\"executionId\":\"<aws.scheduler.execution-id>\","
            + "\"attempt\":\"<aws.scheduler.attempt-number>\"}";

    private final Queue deadLetters;

    public EnvParityStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
        String functionName = getStackName() + "-envparity";

        LogGroup logs = LogGroup.Builder.create(this, "Logs").logGroupName("/aws/lambda/" + functionName)
                .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.RETAIN).build();

        Table table = Table.Builder.create(this, "State")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .timeToLiveAttribute("expiresAt")
                .encryption(TableEncryption.AWS_MANAGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        deadLetters = Queue.Builder.create(this, "DeadLetters").encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .retentionPeriod(Duration.days(14)).build();

        List<Secret> secrets = new ArrayList<>();
        for (String name : settings.secrets()) {
            secrets.add(Secret.Builder.create(this, "Secret-" + name).secretName("envparity/" + name)
                    .description("envparity: " + name + " (set its value after the first deploy; see README)")
                    .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).passwordLength(40).build())
                    .build());
        }

        Role role = Role.Builder.create(this, "FunctionRole").assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("envparity: its logs, its table, its secrets, invoking itself").build();
        role.addToPolicy(allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logs.getLogGroupArn())));
        role.addToPolicy(allow(List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
                List.of(table.getTableArn())));
        if (!secrets.isEmpty()) {
            role.addToPolicy(allow(List.of("secretsmanager:GetSecretValue"), secrets.stream().map(Secret::getSecretArn).toList()));
        }
        // Deploy webhooks are answered at once and verified by an asynchronous invocation of the function's alias.
        // The ARN is built from the name: referring to the function would make the role depend on it, and back.
        String selfArn = formatArn(ArnComponents.builder().service("lambda").resource("function")
                .resourceName(functionName + ":" + ALIAS).arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        role.addToPolicy(allow(List.of("lambda:InvokeFunction"), List.of(selfArn)));

        LayerVersion config = LayerVersion.Builder.create(this, "Config").code(Code.fromAsset(settings.configDir().toString()))
                .compatibleArchitectures(List.of(settings.arm64() ? Architecture.ARM_64 : Architecture.X86_64))
                .description("envparity configuration, mounted at " + CONFIG_PATH).build();

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_PROFILE", "lambda");
        environment.put("QUARKUS_CONFIG_LOCATIONS", CONFIG_PATH);
        environment.put("PARITY_NOTIFY_STATE_STORE", "dynamodb");
        environment.put("PARITY_NOTIFY_STATE_TABLE", table.getTableName());
        // The self-invocation's qualifier (dev.envparity.trigger.lambda.LambdaLaunch).
        environment.put("ENVPARITY_FUNCTION_ALIAS", ALIAS);
        if (settings.nativeBuild()) {
            // Quarkus' native Lambda guide: the runtime's signal handling is not available on Lambda.
            environment.put("DISABLE_SIGNAL_HANDLERS", "true");
        }
        Function function = Function.Builder.create(this, "Function").functionName(functionName)
                .description("envparity: environment parity checks, deploy webhooks, chat digests")
                .runtime(settings.nativeBuild() ? Runtime.PROVIDED_AL2023 : jvmRuntime(settings.jvmRuntime()))
                .architecture(settings.arm64() ? Architecture.ARM_64 : Architecture.X86_64)
                .handler(settings.nativeBuild() ? "bootstrap" : QUARKUS_JVM_HANDLER)
                .code(Code.fromAsset(settings.functionZip().toString()))
                // A check waits for its slowest probe; a deploy verification waits for the rollout (up to 14 minutes).
                .memorySize(settings.nativeBuild() ? 512 : 1024)
                .timeout(Duration.minutes(15))
                .reservedConcurrentExecutions(settings.reservedConcurrency())
                .retryAttempts(0)
                .deadLetterQueue(deadLetters)
                .role(role)
                .logGroup(logs)
                .layers(List.of(config))
                .environment(environment)
                // SnapStart (JVM runtimes only): each published version is initialised once and snapshotted, and
                // new environments resume from the snapshot
                // (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html). The function's configuration and
                // secrets are read after the restore, never into the snapshot (application.yaml, quarkus.snapstart).
                .snapStart(!settings.nativeBuild() && settings.snapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .build();

        // A version per change of code or configuration; SnapStart snapshots versions, never $LATEST.
        Alias live = Alias.Builder.create(this, "Live").aliasName(ALIAS).version(function.getCurrentVersion())
                .description("envparity: what the Function URL, the schedule and the self-invocation call")
                .retryAttempts(0).build();

        FunctionUrl url = live.addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.NONE)
                .invokeMode(InvokeMode.BUFFERED).build());

        // An explicit input (without one, Scheduler's default event is undocumented); Scheduler fills in the
        // placeholders, its context attributes, at invoke time:
        // https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html. Our own role, invoking exactly this function: CDK's LambdaInvoke
        // target would also allow every version and alias (Arn:*).
        Role scheduler = Role.Builder.create(this, "SchedulerRole").assumedBy(new ServicePrincipal("scheduler.amazonaws.com"))
                .description("envparity: the schedule may invoke the function and report to its dead-letter queue").build();
        scheduler.addToPolicy(allow(List.of("lambda:InvokeFunction"), List.of(live.getFunctionArn())));
        scheduler.addToPolicy(allow(List.of("sqs:SendMessage"), List.of(deadLetters.getQueueArn())));
        CfnSchedule.Builder.create(this, "Schedule").description("envparity: a parity check")
                .scheduleExpression(settings.schedule())
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                .target(CfnSchedule.TargetProperty.builder()
                        .arn(live.getFunctionArn())
                        .roleArn(scheduler.getRoleArn())
                        .input(SCHEDULE_INPUT)
                        .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(2).maximumEventAgeInSeconds(3600).build())
                        .deadLetterConfig(CfnSchedule.DeadLetterConfigProperty.builder().arn(deadLetters.getQueueArn()).build())
                        .build())
                .build();

        Topic alarms = Topic.Builder.create(this, "Alarms").displayName("envparity alarms")
                .masterKey(software.amazon.awscdk.services.kms.Alias.fromAliasName(this, "SnsKey", "alias/aws/sns")).enforceSsl(true).build();
        if (settings.alarmEmail() != null) {
            alarms.addSubscription(new EmailSubscription(settings.alarmEmail()));
        }
        Alarm errors = function.metricErrors(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build())
                .createAlarm(this, "FunctionErrors", CreateAlarmOptions.builder().threshold(1).evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .alarmDescription("envparity: the function failed (see its log group)").build());
        errors.addAlarmAction(new SnsAction(alarms));
        Alarm dead = deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder().period(Duration.minutes(5))
                .statistic("Maximum").build())
                .createAlarm(this, "DeadLetterAlarm", CreateAlarmOptions.builder().threshold(1).evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .alarmDescription("envparity: a scheduled check or a deploy verification could not be delivered").build());
        dead.addAlarmAction(new SnsAction(alarms));

        CfnOutput.Builder.create(this, "FunctionUrl").value(url.getUrl())
                .description("Deploy webhooks: <url>hooks/github, hooks/gitlab, hooks/argocd, hooks/generic; dashboard: <url>").build();
        CfnOutput.Builder.create(this, "FunctionName").value(functionName).build();
        CfnOutput.Builder.create(this, "FunctionAlias").value(functionName + ":" + ALIAS)
                .description("aws lambda invoke --function-name <this>: the published version every caller uses").build();
        CfnOutput.Builder.create(this, "StateTable").value(table.getTableName()).build();
        CfnOutput.Builder.create(this, "DeadLetterQueue").value(deadLetters.getQueueUrl()).build();

        suppress(secrets);
        if (!settings.nativeBuild() && !settings.jvmRuntime().equals("java25")) {
            NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder().id("AwsSolutions-L1")
                    .reason("The deployer chose -c jvmRuntime=" + settings.jvmRuntime() + " over the default, java25 (cdk.json); "
                            + "Lambda supports it, SnapStart included. The default, native build is on provided.al2023.")
                    .build()));
        }
    }

    /** Every cdk-nag finding left on purpose, each with the reason it is acceptable here. */
    private void suppress(List<Secret> secrets) {
        for (Secret secret : secrets) {
            NagSuppressions.addResourceSuppressions(secret, List.of(NagPackSuppression.builder().id("AwsSolutions-SMG4")
                    .reason("Chat webhook URLs and webhook signing secrets are issued by Slack, GitHub and the like; they cannot be "
                            + "rotated by a Lambda rotation function and are replaced by hand when the platform reissues them.")
                    .build()));
        }
        NagSuppressions.addResourceSuppressions(deadLetters, List.of(NagPackSuppression.builder().id("AwsSolutions-SQS3")
                .reason("This queue is itself the dead-letter queue of the schedule and of the function's asynchronous invocations.")
                .build()));
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }

    private static Runtime jvmRuntime(String name) {
        switch (name) {
            case "java21": return Runtime.JAVA_21;
            case "java25": return Runtime.JAVA_25;
            case "java17": return Runtime.JAVA_17;
            default: throw new IllegalArgumentException("jvmRuntime: use java17, java21 or java25 (found " + name + ")");
        }
    }
}
