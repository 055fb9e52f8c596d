import { productionFiles, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findDependencies } from "@/lib/rules/helpers/dependencies";
import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";

/** Client libraries that ship logs to a destination from inside the app. */
const SHIPPER_PACKAGES =
  /^(winston-(syslog|elasticsearch|cloudwatch|loggly[\w-]*|papertrail|logstash|mongodb|graylog2)|pino-(elasticsearch|loki|datadog|socket|papertrail)|@logtail\/[\w-]+|logdna|fluent-logger|bunyan-(syslog|logstash)|python-logstash|logstash[-_]formatter|fluent-logger-python|watchtower|graypy|python-logging-loki|logrus_(syslog|logstash)|lfshook|elogrus|fluent-logger-golang|logstash-logback-encoder|loki-logback-appender|Serilog\.Sinks\.(Elasticsearch|Seq|Graylog|Syslog|Http|Datadog[\w.]*|Splunk|AmazonCloudWatch|Grafana\.Loki|ApplicationInsights|NewRelic[\w.]*|Loggly)|NLog\.Targets\.(Syslog|Gelf))$/i;
const JS = /\bnew\s+(winston\.)?transports\.Http\(|\btarget:\s*["'](pino-(loki|elasticsearch|socket|datadog)|@logtail\/pino)["']/;
/** Code that opens a connection to a log destination. */
const SHIPPING = {
  javascript: JS,
  typescript: JS,
  python: /\b(SysLog|HTTP|Socket|Datagram|Loki|Logstash(Async)?|Datadog\w*|CloudWatchLog)Handler\(|\bgraypy\.\w+Handler\(|\bwatchtower\./,
  go: /\bsyslog\.(New|Dial)\(|\blogrus_(syslog|logstash)\.|\bfluent\.New\(|\belogrus\.New/,
  csharp:
    /\.WriteTo\.(Elasticsearch|Seq|Graylog|Syslog\w*|Http|DurableHttp\w*|Datadog\w*|Splunk\w*|AmazonCloudWatch|GrafanaLoki|ApplicationInsights|NewRelic\w*|Loggly)\(/,
  default:
    /\b(SyslogAppender|LogstashTcpSocketAppender|LogstashUdpSocketAppender|SocketAppender|GelfAppender|CloudWatchAppender|KafkaAppender|Loki4jAppender)\b|xsi:type="(Network|Syslog|Gelf|Database)"/,
};

export const rule: RepositoryCheck = {
  id: "leavesLogRoutingToPlatform",
  version: 1,
  factor: "logs",
  title: "The app does not route or ship its own logs",
  rationale:
    "The app writes one unbuffered stream; where it goes (Loki, Elasticsearch, a SIEM) is the platform's decision. " +
    "Shipping from inside the app couples it to one destination, adds failure modes and can block on a slow sink.",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
  evaluate(facts) {
    if (sourceFiles(facts).length === 0) return notApplicable("No source code to inspect.");
    const evidence = [
      ...findDependencies(facts, SHIPPER_PACKAGES).map((d) => d.evidence),
      ...findLineMatches({ facts, patterns: SHIPPING, files: productionFiles(facts) }).map((m) => matchEvidence(m)),
    ];
    if (evidence.length > 0) return fail(`The app ships its own logs (${plural(evidence.length, "place")}).`, evidence);
    return pass("Log routing is left to the platform.");
  },
};
