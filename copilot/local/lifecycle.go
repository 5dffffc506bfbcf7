package local

import (
	"regexp"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// The incident lifecycle as it shows in a channel (DOMAIN.md): detection → triage →
// mitigation → resolution → wrap-up. The cues below are general incident language;
// each message is tagged with them once and every capability reads the tags.

var (
	detectionRE  = regexp.MustCompile(`\b(alert(s|ing|ed)?|alarm|firing|fired|triggered|pagerduty|opsgenie|alertmanager|datadog|paged|on-?call got)\b|\[firing|\bcustomers?\b[^.?!]{0,30}\b(report|complain|seeing|saying|can'?t|cannot|could not|couldn'?t|unable)|\bsupport\b[^.?!]{0,20}\b(says|report|ticket|getting|flagg)|\breports? (of|from)\b|\b(detected|noticed|spotted|reported)\b|\b(error rate|5xx|50[0-4]s?|timeouts?|timing out|latency|spik(e|es|ing)|elevated|degraded|outage|failing|errors?)\b`)
	escalationRE = regexp.MustCompile(`\bdeclar(e|ed|ing)\b|\bincident commander\b|\b(i'?m|i am|taking|i'?ll be|i'?ll take) (the )?ic\b|\bic:|\bsev[- ]?[0-4]\b|\bstatus ?page\b|\bescalat(e|ed|ing|ion)\b|\bwar ?room\b|\bmajor incident\b|\bopen(ed|ing)? (an |the )?incident\b`)

	causeStrongRE = regexp.MustCompile(`\broot[- ]?caus|\brca\b|\bturns? out\b|\bculprit\b|\bsmoking gun\b|\bcaused by\b|\bthe cause\b|\btriggered by\b|\bintroduced (in|by|with)\b|\bthat'?s (why|the (issue|problem|cause|bug|reason))\b|\bfound (it|the (issue|problem|cause|bug|leak|reason))\b|\bexplains\b|\bthe (issue|problem|bug|reason) (is|was)\b|\bconfirmed\b|\b(discovered|identified|determined|realized|realised|pinpointed)\b`)
	causeWeakRE   = regexp.MustCompile(`\bbecause\b|\bmeans\b|\bfrom (this morning|yesterday|last night|earlier today)\b|\bdue to\b|\bsince (the|our|we)\b|\bafter (the|our|we)\b[^.?!]{0,40}\b(deploy|change|upgrade|release|migration|rollout)|\bso (the|our|every|all)\b|\bwhich (means|meant|caused|made)\b|\bleads? to\b|\bled to\b|\bresult(ed|ing)? in\b`)
	mechanismRE   = regexp.MustCompile(`\b(limit|limits|max_?\w*|exhaust\w*|expired?|expir\w*|leak\w*|full|misconfig\w*|typo|missing|wrong|bug|regression|change[sd]?|deploy\w*|config\w*|flag|saturat\w*|overload\w*|too many|not renewed|renew\w*|oom\w*|evict\w*|drift\w*|skew|overlap\w*|race|deadlock\w*|lock\w*|throttl\w*|rate[- ]limit\w*|429|reserved|runaway|storm|stampede|retry|retries|removed|dropped|deleted|reverted|upgrade\w*|migration|ttl|quota|capacity|space|inodes?|certificate|cert|ndots|partition\w*|rebalanc\w*)\b`)
	// findingRE: how people announce that they found the cause.
	findingRE = regexp.MustCompile(`\b(found it|found the (bug|issue|problem|cause|leak|culprit)|bingo|there it is|that'?s (it|ours|on us|mine|me|my|the (bug|issue|problem|cause|one|culprit|reason))|my bad|on us|oh no|ugh|oops|whoops|explains (it|everything|why|the)|strikes again|smoking gun|culprit|here'?s (why|the problem)|the reason|so that'?s why|mystery solved|poison pill|gotcha)\b`)
	// explainRE: words that explain a mechanism rather than report a symptom.
	explainRE      = regexp.MustCompile(`\b(never|no ttl|not set|unset|without|instead of|only|per (pod|node|request|send|call|row|host|instance|worker)|can'?t|cannot|doesn'?t|won'?t|no longer|predates|default|renamed|moved|pinning|holds?|holding|blocks?|waits?|stuck|loop|forever|nobody|hand|manual\w*|refactor\w*|scoped|removed|switched|bumped|raised|lowered|doesn'?t exist|went (out|from)|x \d+|\d+ ?x ?\d+|->|=)`)
	proposalFormRE = regexp.MustCompile(`\bwe (should|need|must|could)\b|\blet'?s\b|\b(could|can|should) we\b|\baction item|\btodo\b|\bnext time\b|\bi'?ll\b`)
	hedgeRE        = regexp.MustCompile(`\b(maybe|might|could it|could be|possibly|perhaps|not sure|i think|i guess|guessing|wonder|suspect|is it|was it|any chance|theory|hypothesis|or is|unless)\b|\?`)
	negationRE     = regexp.MustCompile(`\b(not the|isn'?t|wasn'?t|aren'?t|not it|ruled out|rule out|red herring|false alarm|nothing to do with|unrelated|doesn'?t look like|don'?t think)\b`)

	verifyRE    = regexp.MustCompile(`\bbleeding (?:has |is )?stopped\b|\bstopped the bleeding\b|\bback to (normal|baseline|green|healthy)\b|\brecover(ed|ing|y)\b|\blook(s|ing)? (good|healthy|better|clean|stable|fine|normal)\b|\ball green\b|\bgreen again\b|\bhealthy\b|\bstable\b|\bstabiliz\w*|\bholding\b|\bno (more )?(new )?(errors|5xx|timeouts|alerts|failures|restarts|evictions|oom\w*|drops|disconnects|disconnections|logouts|rejections|crashes)\b|\b(error|errors|5xx|[1-5]\d\ds|latency|lag|p99|p95|queue|backlog|usage|connections|conns|success rate|failures|rate)\b[^.?!]{0,40}\b(down|dropp\w*|back|flat|zero|normal|clean|gone|recover\w*|draining|drained|fell|falls?|falling|below|under|decreas\w*)\b|\b(which|that) (stopped|ended|halted)\b|\b(errors|evictions|failures|alerts|timeouts|restarts|crashes|logouts|retries) (stop|stopped|ceased|subsided)\b|\balert (resolved|cleared|stopped)\b|\bconfirmed (fixed|working|ok)\b|\bworking again\b|\b(\d[\d,]*|all|most) (\w+ ){0,2}(reconnect(ed|s)?|came back|come back)\s*([,.;!]|$)|\b(verif(y|ies)|validat\w+|pass(es|ing)?|works?|render(s|ing)?|resolv(es|ing)|authenticat\w+|deliver(s|ing|ed)?|send(s|ing)|arriv(es|ing)|fetch(es|ing)?|boot(s|ing)?|print(s|ing)?|scan(s|ning)?) again\b|\b(is|are) back (from|since|at|now|online)\b|\b(?:is|are) back,? (?:with )?\d|\bconfirm(?:s|ed)?\b[^.?!]{0,60}\b(?:is|are) (?:ok|okay|fine|working|good)\b|\bback on (automation|air|schedule|track)\b|\bon (air|schedule|track) again\b|\b(2xx|200s?)\b[^.?!]{0,20}\b(now|again)\b|\b(customers|users|players|clients|members|patients|students|drivers|riders|merchants|shoppers|buyers|guests|passengers|listeners|viewers|subscribers|readers|staff|agents|people|everyone|they) (can|could|are able to|were able to) (\w+ ){1,3}again\b|\bback up\b|\bback (online|in service|on ?line)\b|\b[a-z][\w.-]* ?[=:] ?(pass|passed|success|succeeded)\b|\b(works|loads|opens|connects|logs in) (fine |again )?(here|for me|on my (phone|laptop|machine|side|end))\b|\b(running|online|flowing|arriving|coming in|updating|moving|accepting|accepted|live|available|reachable|responding|processing|syncing|reporting|visible|loading|connecting|connected|playing|selling|printing|open) again\b|\bdata (is |are )?in [\w-]+ again\b|\bsucceed\w*|\b(caught|catching) up\b|\b(return|returns|returning|show|shows|showing|get|gets|getting|load|loads|loading) (\w+ )?(hits|results|data|values|pages?|images?) again\b|\bnot (null|empty|missing|failing|down|stuck|broken|red|offline|erroring|blocked) any ?more\b|\bno longer (null|empty|missing|failing|down|stuck|broken|erroring|offline|red|blocked)\b|\b(logins?|requests|payments|orders|uploads|calls|messages|jobs|builds|deploys|checkouts?|bookings?|transactions) (are |is )?(going|getting|coming) through\b|\b(errors?|evictions?|failures?|5xx|4xx|timeouts?|rejects?|rejections?|drops?|retries|restarts) (rate )?(is |are |at |back to |down to )?(0|zero)(%|/s)?(\s*$|[.,;!)]|\s+(since|now|for|again|across|everywhere))`)
	resolvedRE  = regexp.MustCompile(`\bresolved\b|\ball clear\b|\bclos(e|ing|ed) (the |this |out )?(incident|channel|out)\b|\bincident (is )?(over|closed|resolved)\b|\bfully recovered\b|\bstand(ing)? down([^\w]*$|[.!,;]| (now|everyone|all|folks|team))|\bconsider(ing)? (this|it) (resolved|closed|done)\b|\bwe('re| are) (good|done|all good)\b|(^|[.,;!]\s*|\b(ok|okay|so|think)\s+)were (good|done|all good)\b|(^|[.,;!]\s*)clos(ing|ed)( (it|this)( out)?)?\W*$`)
	unresolveRE = regexp.MustCompile(`\b(not|isn'?t|wasn'?t|until|once|when|before|if|un)[ -]?(yet )?(fully )?resolved\b|\bresolved\?|\bnot (all|yet) clear\b|` +
		// A name resolved to an address ("every failing probe resolved to
		// lb-02", "api.example.com resolved to 10.1.2.3") is DNS, not the end.
		`\bresolved (?:to|as|into) (?:an? |the )?(?:[\w.:-]*\d|[\w-]+[.-][\w.-]+|ipv[46]|aaaa|nxdomain|servfail|a record|address)`)

	impactRE  = regexp.MustCompile(`\b(customers?|users?|merchants?|orders?|checkouts?|requests?|payments?|logins?|sign-?ups?|tenants?|traffic|api calls?|emails?|bookings?|accounts?|visitors?|shoppers?|buyers?|drivers?|riders?|patients?|students?|partners?|sites?|websites?|apps?|checkout|services)\b`)
	impactQRE = regexp.MustCompile(`\d+(\.\d+)?\s?%|\b\d[\d,.]*\s?(k|m)?\s?(req|requests|orders|users|customers|errors|merchants|payments|transactions|emails|messages|jobs|tenants|calls|tickets|complaints|reports|accounts|bookings|logins)\b|\bin \d+\s?(min|mins|minutes|h|hours)\b|\b(all|every|most|half|majority|some|many)\b|\bfor (about |~)?\d+\s?(min|mins|minutes|h|hrs|hours)\b|\bimpact\w*|\baffect\w*|\bblast radius\b|\bunable to\b|\bcan'?t\b|\bcannot\b|\bfail\w*|\b(5xx|50[0-4]s?|errors?|timeouts?|down|unavailable|degraded|slow|latency|delayed|lost|dropped|missing|duplicate\w*|double)\b`)
	statusRE  = regexp.MustCompile(`(?i)^\s*(update|status)\b|\bstill\b|\binvestigating\b|\bmonitoring\b|\bmitigated\b|\bwatching\b|\bkeeping an eye\b`)
)

// Mitigation actions. Each class is one kind of step, so that equivalent steps from
// different incidents can be merged into one runbook line.
type actionClass struct {
	name string
	re   *regexp.Regexp
}

var actionClasses = []actionClass{
	// Anything put "back to" where it was by someone ("swinging alias courses
	// back to courses_20260901", "pointed DNS back to the old LB") is a rollback;
	// what falls or goes back by itself is not.
	{"rollback", regexp.MustCompile(`\broll(ed|ing|s)?[ -]?back\b|\broll(ed|ing|s)? (the |our |it |them )?([\w.-]+ ){0,3}back (to|from)\b|\brollback\b|\brevert(ed|ing|s)?\b|\bredeploy(ed|ing)? (the )?(previous|last|old|prior)\b|\bback out\b|\b(?:swung|swinging|point(?:ed|ing)|mov(?:ed|ing)|switch(?:ed|ing)|repoint(?:ed|ing)|flipp(?:ed|ing)|put(?:ting)?) (?:the )?(?:[\w` + "`" + `'".-]+ ){1,3}back to\b`)},
	{"failover", regexp.MustCompile(`\bfail(ed|ing|s)?[ -]?over\b|\bfailover\b|\bswitch(ed|ing)? (traffic |over |reads |writes )*to (the )?(secondary|replica|standby|backup|other|dr)\b|\bpromot(e|ed|ing) (the )?(replica|standby|secondary)\b|\bdrain(ed|ing)? (the )?(\w+ )?(region|az|zone|dc)\b|\bre-?rout(e|ed|ing)\b|\b(re)?point(s|ed|ing)? [^.;]{0,40}\broutes?\b[^.;]{0,20}\b(at|to)\b|\b(routes?|traffic|egress) (switched|moved|repointed|cut over)\b`)},
	{"scale", regexp.MustCompile(`\bscal(e|ed|ing) (up|out|the|it|to|\w+ (up|out|to))\b|\bscaled\b|\badd(ed|ing)? (\d+ |more |a few |another |an? extra )(nodes?|replicas?|instances?|workers?|consumers?|brokers?|shards?|capacity|pods?)\b`)},
	{"restart", regexp.MustCompile(`\brestart(ed|ing|s)?\b|\brebooted\b|\breboot(ing)? (the|all|both|each|every|it|them)\b|\bpower[- ]?cycled\b|\breload(ed|ing) (the |our |its )?([\w.-]+ ){0,3}(service|config\w*|daemon|server|proxy|process|workers?|pods?|haproxy|nginx|envoy|rules?|settings?)\b|\bbounc(e|ed|ing)\b|\brecycl(e|ed|ing)\b|\bcycl(e|ed|ing) (the )?(\w+ )?(pods|nodes|instances|workers)\b|\brollout restart\b`)},
	{"raise-limit", regexp.MustCompile(`\b(rais|bump|increas|doubl|lower|tripl)\w* (the |our |its |their )?([\w.-]+ ){0,3}([\w.-]*limits?|caps?|[\w.-]*max\w*|pool\w*|replicas?|memory|heap|timeouts?|quotas?|size|capacity|connections|workers|threads|instances|nodes|partitions|consumers|ttl|cpu|requests|threshold|ulimit|watches|xmx)\b|\b(set|raised|bumped|increased) [\w.-]+ (back |from \d+ )?to \d|\b(?:cap|capped|capping) (?:the |our |its )?(?:[\w.-]+ ){1,3}(?:at|to) \d`)},
	{"rotate", regexp.MustCompile(`\b(renew(ed|ing)?|rotat(e|ed|ing)|reissu(e|ed|ing)|re-issu(e|ed|ing)|regenerat(e|ed|ing))\b|\b(new|renewed|fresh|replacement|correct) ([\w-]+ )?(cert\w*|keys?|secrets?|tokens?|passwords?|credentials?)\b[^.;]{0,30}\b(uploaded|installed|loaded|in place|created|applied|live|active|deployed)\b`)},
	{"kill", regexp.MustCompile(`\b(kill(ed|ing)?|terminat(e|ed|ing)|cancel(l?ed|l?ing)?) (the |all |some )?([\w-]+ ){0,2}(quer(y|ies)|connections?|sessions?|process(es)?|jobs?|backends?|idle|transactions?|pids?|txns?)\b|\bpg_(terminate|cancel)_backend\b|\bkill \d+\b`)},
	{"drop", regexp.MustCompile(`\bdrop(ped|ping)? (the |a |an |old |stale )?([\w-]+ ){0,2}(table|index|slot|replication slot|rule|partition|keys|cache|consumer group|subscription|route)\b`)},
	{"clean", regexp.MustCompile(`\b(delet|remov)(e|ed|ing) (the |all )?(\d[\d,]* )?([\w-]+ ){0,2}(orders?|rows?|records?|entries|objects?|duplicates?|items?)\b|-delete\b|\brm -\w+|\bunlink\w*|\b\d[\d.,]*[kmb]? (\w+ )?(deleted|removed|purged|cleaned)\b|\b(purg(e|ed|ing)|flush(ed|ing)?|truncat(e|ed|ing)|prun(e|ed|ing)|vacuum(ed|ing)?|compact(ed|ing)?|clean(ed|ing)? up|free(d|ing)? up|rotated? (the )?logs|delet(e|ed|ing) (the |old |stale |all )?(\d[\d.,]*[kmb]? )?([\w:*.-]+ )?(files?|logs?|snapshots?|images?|wal|backups?|indices|indexes|data|keys|pods?))\b|\b(records?|entr(y|ies)|rules?|routes?|keys?|files?) (was|were|has been|have been) (deleted|removed|purged)\b|\bclear(ed|ing)? (the |out )?([\w-]+ )?(cache|queue|disk|space|logs?|keys|tmp|backlog|dlq)\b|\b(?:mv|mov(?:e|ed|es|ing)) (?:the |it |them )?(?:[\w./-]+ ){0,3}aside\b|\bmoved (?:[\w./-]+ ){0,2}to [\w./-]*\bold\b[\w./-]*`)},
	{"expand-storage", regexp.MustCompile(`\b(expand|resiz|extend|grow|grew|enlarg)\w* (the )?([\w-]+ ){0,2}(disk|volume|pvc|ebs|storage|partition|filesystem|fs)\b|\b(disk|volume|pvc|ebs|partition|filesystem|fs)\b[\w\s.-]{0,40}?\b(resized|grown|extended|expanded|enlarged)\b`)},
	{"disable", regexp.MustCompile(`\b(disabl(e|ed|ing)|turn(ed|ing)? (\w+ )?(off|on)|switch(ed|ing)? (\w+ )?(off|on)|flipp?(ed|ing)?|toggl(e|ed|ing)|kill[- ]?switch)\b|\b(flag|feature|toggle)s? (is |now |set to )?(off|on|disabled|enabled|0%|100%)\b|\bset (to )?0%|\b[\w.-]+ ?= ?(true|false|off|on|0|1)\b( \w+)? (in|on|pushed|applied|live|set|is out|out)\b|\b[\w.-]+ ?= ?(true|false|off|on)\b pushed|\b(flag|feature flag|toggle|setting) [\w.-]+ ?= ?(true|false|off|on|0|1)\b`)},
	{"restore", regexp.MustCompile(`\bre-?add(ed|ing)?\b|\brestor(e|ed|ing)\b|\brestores (the|a|an|its|their|our|his|her|previous|old|last|from)\b|\bre-?appl(y|ied|ying)\b|\bre-?enabl(e|ed|ing)\b|\breattach(ed|ing)?\b|\bre-?register(ed|ing)?\b|\b(allow|white)list(ed|ing)\b|\bput (it |the \w+ )?back\b|\badd(s|ed|ing)? (it |them |the |a |an )?([\w.:/-]+ ){0,5}back\b`)},
	{"replay", regexp.MustCompile(`\breplay(ed|ing)?\b|\breprocess(ed|ing)?\b|\brequeu(e|ed|ing)\b|\bre-?driv(e|en|ing)\b|\bre-?run(ning)?\b|\breran\b|\bbackfill(ed|ing)?\b|\breset (the )?([\w-]+ )?offsets?\b|\bskip(ped)? (the )?(poison|bad) (message|record)`)},
	{"block", regexp.MustCompile(`\bblock(ed|ing)? (the |all )?([\w.-]+ ){0,2}(traffic|ips?|requests|clients?|bots?|user[- ]agents?|range|endpoint|tenant|asn)\b|\bthrottl(e|ed|ing)\b|\brate[- ]limit(ed|ing)\b|\bshed(ding)? (load|traffic)\b|\bwaf rule\b`)},
	// Hardware and whole units put in another's place ("swapped in the spare
	// gateway", "replaced the failed disk", "moved the kiosk to the standby unit").
	{"replace", regexp.MustCompile(`\b(swap(ped|ping|s)?|replac(e|ed|es|ing)|switch(ed|ing)?) (in |out |over |to |with )?(the |a |an |our |one )?(spare|standby|backup|cold|reserve)\b|\breplac(e|ed|ing) (the |a |an )?(failed |broken |dead |faulty |worn )?([\w-]+ )?(disk|drive|card|node|host|gateway|server|router|switch|nic|psu|battery|unit|device|module|sensor|cable|controller|hardware|appliance)s?\b`)},
	{"drain-node", regexp.MustCompile(`\b(drain(ed|ing)?|cordon(ed|ing)?|uncordon(ed)?|evict(ed|ing)?|terminat(e|ed|ing) (the )?(bad |unhealthy |broken )?(node|instance|host|vm)s?)\b`)},
	{"fix-forward", regexp.MustCompile(`\bhotfix(ed)?\b|\bpatch(ed|ing)?\b|\b(deploy(ed|ing)?|ship(ped|ping)?|push(ed|ing)?|merg(e|ed|ing)|appl(y|ied|ying)|roll(ed|ing)? out) (the |a |our )?(fix|patch|hotfix|change|correct)\w*|\bfix (is )?(out|deployed|live|merged|in)\b|\bpinn?(ed|ing)? (the )?([\w-]+ ){0,2}(version|image|to)\b|\bcorrected\b|\bfixed (the )?(typo|config|value|rule|record|setting)|\brenam(e|ed|ing) (the |a |it |them |\d+ )?([\w.-]+ )?(files?|logs?|folders?|director(y|ies)|keys?|columns?|fields?|records?|objects?|buckets?|tables?)\b`)},
	// A setting assigned and reported applied ("max_client_conn = 2500, reload done"),
	// or changed by name ("config set maxmemory-policy allkeys-lru", "changed option
	// httpchk to GET /healthz"), or a redeploy with a new value ("redeploying
	// fulfillment-consumer with MAX_POLL_RECORDS=50").
	{"set-config", regexp.MustCompile(`(?:^|[.;:!]\s+|\b(?:meanwhile|now|then|i'm|i am|we're|we are|i|we) )(?:set|setting) [a-z][\w.-]* ?= ?[\w."'-]+|\bconfig change [a-z][\w.-]* ?= ?[\w."'-]+|\b[a-z][\w.]*[-_.][\w.-]*[a-z0-9] (?:is|are) now (?:set to )?[\w."'/-]+|\b[a-z][\w.-]*[a-z_] ?= ?[\w."'-]+,?( \S+){0,3} (done|applied|pushed|live|reloaded|in place|rolled out)\b|\bconfig set [\w.-]+ \S+|\bsysctl (?:-w )?[a-z][\w.]+ ?= ?\S+|\b(chang(e|ed|ing)|switch(ed|ing|es)?|swap(ped|ping|s)?|updat(e|ed|ing)) (the )?([\w.-]+ ){1,3}(to|=) ?[\w."'/-]+|\b[\w.-]+ switched to (the )?[\w."'/-]+|\b(re)?(deploy|start|roll|push|ship)(ed|ing|p?ed|p?ing)? ([\w.-]+ ){0,2}with [a-z_][\w.]* ?= ?\S+`)},
	{"pause", regexp.MustCompile(`\b(paus(e|ed|ing)|suspend(ed|ing)?|stopp?(ed|ing)?|halt(ed|ing)?|hold(ing)?|held|froze|freez(e|ing)) (the |all )?([\w-]+ ){0,2}(cron\w*|jobs?|consumers?|workers?|batch\w*|sync|pipelines?|queues?|schedules?|schedulers?|deploys?|deployments?|rollouts?|traffic|replication|ingestion|writes)\b|\b(cron\w*|jobs?|consumers?|workers?|pipelines?|queues?|sync|ingestion|replication|rollouts?) ([\w.-]+ )?(paused|suspended|stopped|halted|held)\b|\brollouts? of [\w.-]+ (paused|suspended|stopped|halted)\b` +
		// Pausing is always someone's doing, whatever is paused ("paused the exam
		// timer", "timer paused"); stopping a business flow is a step that sheds
		// the harm ("stopped online booking", "suspended in-play betting").
		`|\bpaus(e|ed|ing) (the |all )?[\w-]+|\b(timers?|clocks?|countdowns?|campaigns?|sends?|sending|sales?|bookings?|orders?|signups?|registrations?|trading|betting|checkout|uploads?|imports?|exports?|emails?|notifications?|billing|payouts?) (is |are |was |were )?(paused|suspended|halted|frozen)\b|\b(stopp?(ed|ing)?|suspend(ed|ing)?|halt(ed|ing)?|froze|freez(e|ing)|clos(e|ed|ing)) (the |all )?([\w-]+ ){0,2}(sales?|bookings?|orders?|ordering|signups?|registrations?|trading|betting|checkout|uploads?|imports?|exports?|campaigns?|sends?|sending|emails?|notifications?|billing|payouts?)\b`)},
}

var (
	// notDoneRE: an action that was not taken ("we never dropped the slot",
	// "failover to the replica considered and rejected").
	notDoneRE = regexp.MustCompile(`\b(never|didn'?t|did not|haven'?t|hasn'?t|not yet|forgot to|without)\b|^\W*no[,.!]|\b(?:considered|discussed|proposed|suggested|evaluated|weighed)\b[^.;]{0,20}\b(?:rejected|dismissed|ruled out|dropped|not taken)\b`)
	// notTakenRE: a step a sentence names without taking it: the alternative it
	// sets against what happens ("refuses every write instead of dropping old
	// keys"), up to the clause's end, or the step a change spares (noStep).
	notTakenRE = regexp.MustCompile(`\b(?:instead of|rather than) \w+ing\b[^.;,]*|` + noStep)
	// refusedLeadRE: a message that opens by refusing a step for now ("no
	// rollback unless the purge fails", "no restart until we have a dump").
	refusedLeadRE = regexp.MustCompile(`^\W*(?:no|not) (?:[\w-]+ ){1,2}(?:unless|until|before|yet|for now)\b`)
	// symptomRE: action words used for what the system did, not what people did
	// ("0 restarts", "restarting a lot", "throttled 80%", "backlog draining"; a
	// queue or the retries that drain, "queue starts to drain", are the recovery).
	symptomRE = regexp.MustCompile(`\b(\d+|no|zero|many|lots of|keeps?|kept|constantly|crash\w*)\s+(restarts?|restarting|evictions?|throttling)\b|\b(restarting|evicting|throttling|dropping|crashing) (a lot|constantly|again|repeatedly|every|all the time|in a loop|over and over)\b|\bcrash-?loop\w*\b|\bthrottled( \w+)? \d+%|\b(lag|backlog|queues?|retries|messages|jobs|errors?|conns|connections)( is| are| \w+ to| half| starts?| starting)? (drain|drains|draining|drained|dropping)\b|\buntil the (pod|process|service) restarts\b`)
	// Proposals and questions about an action are not the action itself.
	proposalRE = regexp.MustCompile(`\?|'ll\b|\bwhile we\b|\bshould( have|'ve)\b|\blet'?s\b|\b(will|gonna|going to|as soon as|once (this|we|it)|later|afterwards|tomorrow|probably|make it worse|plan is|the plan)\b|\bshould (we|i)\b|\b(can|could|shall) we\b|\bwhat if\b|\bdo we\b|\bif (we|it|that)\b|\bwe (should|could|might|need to)\b|\bwhy\b|\bwould\b|\bwant to\b|\bnext time\b|\bin the future\b|\bgoing forward\b|\bautomat(e|es|ing)\b|\bbe automated\b|\bdon'?t\b`)
	// Wording that marks an action as actually taken.
	takenRE = regexp.MustCompile(`\b\w+ed\b|\b\w+ing\b|\bdone\b|\bcomplete\b|\bfinished\b|\bis out\b|\bkicked off\b|\bin progress\b|\bnow\b|\bthrough\b`)

	diagnosticRE = regexp.MustCompile(`\b(check(ed|ing)?|look(ed|ing)? at|inspect(ed|ing)?|quer(y|ied|ying)|ran|run(ning)?|grep(ped|ping)?|tail(ed|ing)?|describ(e|ed|ing)|dump(ed|ing)?|captur(e|ed|ing)|compar(e|ed|ing)|pull(ed|ing)? up|profil(e|ed|ing))\b`)
	toolRE       = regexp.MustCompile("`[^`]+`|" + toolNameRE.String())
	toolNameRE   = regexp.MustCompile(`\b(kubectl|pg_stat_\w+|pg_locks|show processlist|redis-cli|info (memory|stats|clients)|df -\w+|du -\w+|jstack|jmap|jcmd|heap ?dump|thread ?dump|tcpdump|strace|dig|nslookup|openssl|curl|journalctl|dmesg|iostat|vmstat|netstat|lsof|kafka-consumer-groups|rabbitmqctl|explain( analyze)?|events|describe|top|pprof|traceroute|mtr|host|whois|ntpq|chronyc|timedatectl|certbot|cert-manager|aws \w+|gcloud|slowlog|access logs?|error logs?)\b`)
)

// msgTags is what the lifecycle cues say about one message.
type msgTags struct {
	idx       int
	msg       copilot.Message
	lower     string // cleaned, lower-case text
	section   string // lower-case section heading of a postmortem message, else ""
	bot       bool
	question  bool
	detection bool
	escalated bool
	cause     float64 // how strongly it states the cause
	actions   []string
	taken     bool // an action was taken, not proposed
	diagnose  bool
	verify    bool
	resolved  bool
	impact    float64
}

// incidentLifecycle holds the tags of every message and the positions of the moments
// that divide the incident into phases.
type incidentLifecycle struct {
	msgs        []msgTags
	firstSignal int // -1 when unknown
	declared    int
	causeFound  int
	mitigated   int
	resolvedAt  int
}

// wrapUpStart is the index from which messages are wrap-up rather than firefighting:
// the first mitigation, else the resolution, else the last 40% of the transcript.
func (lc *incidentLifecycle) wrapUpStart() int {
	switch {
	case lc.mitigated >= 0:
		return lc.mitigated
	case lc.resolvedAt >= 0:
		return lc.resolvedAt
	default:
		return len(lc.msgs) * 6 / 10
	}
}

// sectionIs reports whether a postmortem heading is one of names (lower case, prefix
// match). A heading in another report style's words for the same part ("Chronology",
// "Cause analysis", "Consequences", "Measures taken during the incident",
// "Improvement actions") is read as the part it names.
func sectionIs(section string, names ...string) bool {
	for _, n := range names {
		if strings.HasPrefix(section, n) {
			return true
		}
	}
	canon := canonicalSection(section)
	if canon == section {
		return false
	}
	for _, n := range names {
		if strings.HasPrefix(canon, n) {
			return true
		}
	}
	return false
}

// sectionSynonyms: the words other report styles head a part with, and the name
// the engine reads it by.
var sectionSynonyms = []struct{ from, to string }{
	{"chronology", "timeline"},
	{"sequence of events", "timeline"},
	{"course of events", "timeline"},
	{"event log", "timeline"},
	{"cause analysis", "root cause"},
	{"causal analysis", "root cause"},
	{"causes", "root cause"},
	{"consequences", "impact"},
	{"effects", "impact"},
	{"measures taken", "actions taken"},
	{"containment", "actions taken"},
	{"interim containment", "actions taken"},
	{"permanent corrective", "corrective"},
	{"response and recovery", "recovery"},
	{"improvement actions", "action items"},
	{"improvement measures", "action items"},
	{"corrective measures", "corrective"},
	{"agreed actions", "action items"},
	{"open actions", "action items"},
}

// canonicalSection rewrites a heading's leading synonym to the engine's name for the
// part; a heading without one is returned as it is.
func canonicalSection(section string) string {
	for _, sy := range sectionSynonyms {
		if strings.HasPrefix(section, sy.from) {
			return sy.to + section[len(sy.from):]
		}
	}
	return section
}

// Postmortem sections that hold what happened (usable for the summary) versus what
// should happen next (follow-ups) or bookkeeping.
// A subsection ("summary / next steps") is judged by each of its parts.
func isNarrativeSection(s string) bool {
	for _, part := range strings.Split(s, " / ") {
		if asksWhy(part) {
			continue // "What went wrong and why?" tells the cause
		}
		if sectionIs(part, "actions taken") {
			continue // what the responders did, not action items
		}
		if sectionIs(part, "action", "lesson", "attendee", "stats", "follow", "next step", "todo", "participants", "reference", "link", "appendix", "remediation", "corrective", "preventive", "what went well", "what went wrong", "where we got lucky") {
			return false
		}
	}
	return true
}

// whyRE: a heading that asks why ("What went wrong and why?", "Why did it
// happen") or how ("How the system allowed it", "How it happened") is answered by
// the cause.
var whyRE = regexp.MustCompile(`\bwhy\b|\bhow\b[^/]{0,30}\b(?:allowed|let it|happened|came about|could happen|went wrong)\b`)

// asksWhy reports whether a (lower-case) heading asks for the cause.
func asksWhy(section string) bool { return whyRE.MatchString(section) }

// narrates reports whether a message tells what happened. A report's "Remediation"
// section ("Remediation and prevention") holds both what was done during the
// incident and what will be done; an action it reports as taken is narrative.
func narrates(t msgTags) bool {
	return isNarrativeSection(t.section) || remediationDone(t)
}

// remediationDone reports whether a message of a "Remediation" section reports an
// action taken rather than one to take.
func remediationDone(t msgTags) bool {
	if !t.taken {
		return false
	}
	for _, part := range strings.Split(t.section, " / ") {
		if sectionIs(part, "remediation") {
			return true
		}
	}
	return false
}

func tagMessage(i int, m copilot.Message) msgTags {
	t := textTags(m)
	t.idx, t.msg, t.bot = i, m, m.Kind == copilot.KindBot
	if m.Kind == copilot.KindSection {
		t.section = strings.ToLower(strings.TrimSpace(m.UserName))
	}
	return t
}

// tagMemo keeps textTags' answers: summary, follow-ups and runbook each read the
// same messages, and the tagging (some forty expressions a message) was most of
// their work.
var tagMemo = text.NewMemo[string, msgTags](1 << 15)

// noStep: a step named as what a change spares ("so a location change busts the
// cdn cache by itself, no manual purge", "without a manual restart"): no step
// taken. A bare "no purge" is left alone: it as often refuses the step now.
const noStep = `\b(?:no|without(?: an?| the| any)?)\s+(?:manual|more|further|extra|separate)\s+\w+`

// actionsNamed is the names of the action classes whose steps low names. What
// is done "instead of dropping old keys" is the alternative that was not
// taken: its verb names no step.
func actionsNamed(low string) []string {
	acting := notTakenRE.ReplaceAllString(low, "")
	var names []string
	for _, ac := range actionClasses {
		if ac.re.MatchString(acting) {
			names = append(names, ac.name)
		}
	}
	return names
}

// textTags tags a message by its text and kind alone (tagMessage adds the rest).
func textTags(m copilot.Message) msgTags {
	return tagMemo.Get(m.Kind+"\x00"+m.Text, func() msgTags {
		t := computeTextTags(m)
		t.actions = t.actions[:len(t.actions):len(t.actions)] // shared: an append copies
		return t
	})
}

func computeTextTags(m copilot.Message) msgTags {
	var t msgTags
	low := strings.ToLower(cleanText(m.Text))
	t.lower = low
	t.question = asks(m.Text)
	t.detection = detectionRE.MatchString(low)
	t.escalated = escalationRE.MatchString(low)
	t.cause = causeScore(low)
	t.actions = actionsNamed(low)
	if len(t.actions) > 0 && !t.question {
		section := m.Kind == copilot.KindSection
		t.taken = takenIn(low, section)
		// "no rollback unless purge fails. rollback means everyone redownloads":
		// a step refused up front is not taken in the sentences that weigh it.
		if !t.taken && !refusedLeadRE.MatchString(low) {
		sentences:
			for _, raw := range splitSentences(m.Text) {
				sl := lowerClean(raw)
				if sl != low && actionCueRE.MatchString(sl) && takenIn(sl, section) {
					t.taken = true
					break
				}
				// "re-adding ingress … by hand in the console now, will backport
				// to tf after": the step is taken in its clause; what comes after
				// is the next. Only a clause that ends in "now" says so: in
				// "rolled back in staging, will roll back prod after the check"
				// the step that matters is planned.
				if section || !strings.Contains(sl, "now") {
					continue // a report's paragraph, or no "now" to end a clause
				}
				if parts := clauseSplitRE.Split(sl, -1); len(parts) > 1 {
					for _, cl := range parts {
						if actionCueRE.MatchString(cl) && nowRE.MatchString(cl) && takenIn(cl, false) {
							t.taken = true
							break sentences
						}
					}
				}
			}
		}
	}
	t.diagnose = diagnosticRE.MatchString(low) && toolRE.MatchString(strings.ToLower(m.Text))
	t.verify = tellsRecovery(low) && !t.question
	// Only the writer's own words declare the end: a quoted ticket or message ("> …
	// announce this incident is resolved") is someone else's.
	own := low
	if quotedLineRE.MatchString(m.Text) {
		own = strings.ToLower(cleanText(quotedLineRE.ReplaceAllString(m.Text, "")))
	}
	t.resolved = declaresResolved(own)
	t.impact = impactScore(low)
	return t
}

// declaresResolved reports whether a text declares the incident over outside a
// question: "great, so we're good?" asks whether it is, and the answer may be
// "bleeding stopped, not resolved". The question's sentences are left out and
// the rest is read as before.
func declaresResolved(low string) bool {
	if unresolveRE.MatchString(low) {
		return false
	}
	if strings.Contains(low, "?") {
		var kept []string
		for _, s := range splitSentences(low) {
			if !strings.HasSuffix(strings.TrimRight(s, " \"')"), "?") {
				kept = append(kept, s)
			}
		}
		low = strings.Join(kept, " ")
	}
	return resolvedRE.MatchString(low)
}

// takenIn reports whether a text that names an action tells it taken: not proposed,
// denied, hedged or said of what the system did, and in the words of something done
// (a report's section narrates what was done). A message is read as a whole first,
// then sentence by sentence: the sentence that names the step says whether it was
// taken, and another one's words ("1,320 emails were not yet sent", "the queue
// drained in seconds") tell of something else.
func takenIn(low string, section bool) bool {
	return !untaken(low) && !symptomRE.MatchString(low) && (takenRE.MatchString(low) || section)
}

// untaken reports whether a text that names a step tells it not taken: proposed or
// asked about, hedged, or denied.
func untaken(low string) bool {
	return proposalRE.MatchString(low) || hedgeRE.MatchString(low) || notDoneRE.MatchString(low)
}

// causeScore rates how clearly a text states the mechanism of the incident. Channels
// rarely say "root cause"; the finding reads like "found it", "that's my PR", or an
// explanation dense with mechanism words ("no TTL", "never dropped", "30 x 20 = 600
// on a 400 box"). Hedges, questions and negations count against it: wrong guesses
// are common before the real cause is found.
func causeScore(low string) float64 {
	s := 0.0
	if causeStrongRE.MatchString(low) {
		s += 2
	} else if causeWeakRE.MatchString(low) {
		s += 1
	}
	if findingRE.MatchString(low) {
		s += 1.5
	}
	n := len(mechanismRE.FindAllString(low, 6)) + len(explainRE.FindAllString(low, 4))
	s += 0.4 * float64(min(n, 6))
	if terms := len(contentTerms(low)); terms >= 12 {
		s += 0.5
	} else if terms < 4 {
		s -= 0.5
	}
	if hedgeRE.MatchString(low) {
		s -= 1.5
	}
	if negationRE.MatchString(low) {
		s -= 1
	}
	if s < 1 {
		return 0
	}
	return s
}

func impactScore(low string) float64 {
	s := 0.0
	if impactRE.MatchString(low) {
		s++
	}
	s += 0.5 * float64(len(impactQRE.FindAllString(low, 4)))
	if strings.Contains(low, "impact") || strings.Contains(low, "affected") {
		s++
	}
	return s
}

// analyzeLifecycle tags the messages (sorted by ts) and finds the key moments.
func analyzeLifecycle(msgs []copilot.Message) *incidentLifecycle {
	lc := &incidentLifecycle{firstSignal: -1, declared: -1, causeFound: -1, mitigated: -1, resolvedAt: -1}
	for i, m := range msgs {
		lc.msgs = append(lc.msgs, tagMessage(i, m))
	}

	// Resolution: the first human declaration of resolution, else the first bot one.
	// It must come after something happened, so a first-line "resolved?" or a quoted
	// old incident does not end the incident before it started.
	// A declaration before anyone acted or saw things recover ("looks legit,
	// standing down" from a side team) ends a thread, not the incident: the first
	// one after an action or a check wins, else the first one (it healed alone).
	minResolve := min(2, len(msgs)-1)
	acted := false
	for _, t := range lc.msgs {
		if !t.bot && narrates(t) && (t.taken || t.verify) {
			acted = true
		}
		if t.idx >= minResolve && t.resolved && !t.bot && narrates(t) {
			if lc.resolvedAt < 0 {
				lc.resolvedAt = t.idx
			}
			if acted {
				lc.resolvedAt = t.idx
				break
			}
		}
	}
	if lc.resolvedAt < 0 {
		for _, t := range lc.msgs {
			if t.idx >= minResolve && t.resolved && narrates(t) {
				lc.resolvedAt = t.idx
				break
			}
		}
	}
	end := len(msgs)
	if lc.resolvedAt >= 0 {
		end = lc.resolvedAt + 1
	}
	for _, t := range lc.msgs[:end] {
		if !narrates(t) {
			continue
		}
		// An incident declared or escalated by a person ("Escalation from account
		// management: …", "I am declaring an incident: …") is its first signal
		// when no alert came before.
		if lc.firstSignal < 0 && (t.detection || t.bot || t.escalated && !t.question) {
			lc.firstSignal = t.idx
		}
		if lc.declared < 0 && t.escalated && !t.question {
			lc.declared = t.idx
		}
		if lc.mitigated < 0 && t.taken && !t.bot && t.idx > 0 {
			lc.mitigated = t.idx
		}
	}
	if lc.firstSignal < 0 && len(msgs) > 0 {
		lc.firstSignal = 0
	}
	lc.causeFound = lc.bestCause(-1)
	return lc
}

// bestCause returns the index of the message that most clearly states the cause,
// skipping skip; -1 when none does. Statements near and before the mitigation weigh
// more than speculation at the start or chatter in the wrap-up.
func (lc *incidentLifecycle) bestCause(skip int) int {
	best, bestScore := -1, 1.5
	n := len(lc.msgs)
	for _, t := range lc.msgs {
		if t.idx == skip || t.bot || !isNarrativeSection(t.section) || t.cause <= 0 {
			continue
		}
		s := t.cause
		if t.verify {
			s -= 1.5 // "confirmed, it works again" is a check, not a finding
		}
		if proposalFormRE.MatchString(t.lower) {
			s -= 1.5 // "we need an alert on…" is a follow-up
		}
		switch {
		case sectionIs(t.section, "root cause", "cause", "contributing", "what happened", "trigger"):
			s += 2
		case sectionIs(t.section, "summary", "description", "overview"):
			s += 0.5
		case t.section != "":
			s -= 0.5
		}
		if t.section == "" {
			if lc.mitigated >= 0 && t.idx <= lc.mitigated && t.idx >= lc.mitigated-6 {
				s += 0.5 // the finding usually comes just before the fix
			}
			if lc.resolvedAt >= 0 && t.idx > lc.resolvedAt {
				s -= 0.75 // the wrap-up often restates the cause; the first statement is the finding
			}
			if n > 4 && t.idx < n/8 {
				s -= 0.5 // the first few messages are symptoms, not causes
			}
		}
		if s > bestScore {
			best, bestScore = t.idx, s
		}
	}
	return best
}

// timelineTimeRE finds a date and time at the start of a postmortem timeline row.
// quotedLineRE matches a quoted line of a message (Markdown or Slack's escaped ">").
var quotedLineRE = regexp.MustCompile(`(?m)^[ \t]*(>|&gt;).*$`)

var timelineTimeRE = regexp.MustCompile(`^\W*(\d{4}-\d{2}-\d{2})[ T]+(\d{1,2}:\d{2})`)

// momentTime is when a message's moment happened: a postmortem timeline row states its
// own time (postmortems give times in UTC), anything else happened at its ts.
func momentTime(m copilot.Message) time.Time {
	if m.Kind == copilot.KindSection {
		if sub := timelineTimeRE.FindStringSubmatch(m.Text); sub != nil {
			hm := sub[2]
			if len(hm) == 4 {
				hm = "0" + hm
			}
			if t, err := time.Parse("2006-01-02 15:04", sub[1]+" "+hm); err == nil {
				return t.UTC()
			}
		}
	}
	return m.Time()
}

// tellsRecovery reports whether a message tells a check that things got better.
// A reading set against a usual day ("cancel rate 23% vs 8% on a normal
// thursday") names normal as the baseline, not as the state reached.
func tellsRecovery(low string) bool {
	low = notRecoveredRE.ReplaceAllString(baselineRE.ReplaceAllString(low, ""), "")
	return verifyRE.MatchString(low)
}

// baselineRE: a usual day or value named as the yardstick of a reading, or the
// load a reading was taken under ("p99 is 900ms under rush load"), or a
// feature or plan named for recovery ("stop the auto recovery", "disaster
// recovery site").
var baselineRE = regexp.MustCompile(`\b(?:vs\.?|versus|compared to|against|than)? ?(?:on )?an? (?:normal|usual|typical|regular) \w+|\bunder (?:\w+ )?load\b|\b(?:auto(?:matic)?|disaster|self|crash)[ -]?recovery\b`)

// notRecoveredRE: a recovery word denied ("errors went UP as it scaled, not
// down"), asked about ("how it works here"), or only expected ("I'd expect it
// to be caught up in 30-40 minutes"), or said of a measure that should be high ("success rate went DOWN"),
// which tells no recovery. The trouble that "is back" returned. What is given
// back ("pods … slow to give conns back") is handed over, not recovered.
var notRecoveredRE = regexp.MustCompile(`\b(?:errors?|alerts?|[45]xx|timeouts?|failures?|issues?|problems?|spikes?|lag|it|crash\w*|rejects?|complaints?|symptoms?|outages?) (?:is|are) back\b|\b(?:i'?d|i would|we'?d|we would) expect\b[^.;!?]*|\b(?:how|why|what|whether|if) (?:it|this|that|the \w+) (?:works|loads|opens|connects)\b|\b(?:not|never|instead of)\s+(?:going\s+)?(?:down|dropping|falling|better|recover\w*|draining)\b|\b(?:success|hit|availability|throughput)(?: rate| ratio)?\b[^.;!?]{0,20}\b(?:went|goes|going|dropped|fell|falls|falling) down\b|\b(?:giv(?:e|es|ing)|gave|hand(?:s|ing|ed)?|releas(?:e|es|ing)|return(?:s|ing)?) (?:\w+ ){0,2}back\b`)

// asks reports whether a message is a question: it holds a question mark, and
// no statement of its own comes before its first question. "received. updated
// the bind password in the tenant config and reloaded the auth service. can you
// test?" reports a step and asks for the check; it is a report.
func asks(text string) bool {
	if !strings.Contains(text, "?") {
		return false
	}
	for _, raw := range splitSentences(text) {
		if strings.Contains(raw, "?") {
			return true
		}
		if len(contentTerms(lowerClean(raw))) >= 4 {
			return false
		}
	}
	return true
}
