package local

import "testing"

// Readings from dev66 once dev67 was in place.

// "lol ok. never mind then" after being told the dashboard exists takes the
// promise back; "yes please, that's better than my check tbh. I'll drop the
// pipeline check then" withdraws the speaker's own idea and promises nothing.
func TestNeverMindAndDropMineThen(t *testing.T) {
	inc, got := followUpsOf(t,
		"oskar: thanks all. follow-ups?",
		"kwame: I'll also build a lock-waits dashboard for ledger-db",
		"^5 jonas: @kwame there is one, 'Postgres / Locks' in grafana. we just didnt open it",
		"^5 kwame: lol ok. never mind then",
		"ivo: on our side I'll add a check to the security-infra pipeline that refuses bucket notifications on buckets we don't own",
		"dmitri: ivo we could also make the claims bucket policy deny PutBucketNotificationConfiguration to every role except the deploy role",
		"ivo: yes please, that's better than my check tbh. I'll drop the pipeline check then",
	)
	wantFollowUpLines(t, inc, got, false, false, false, false, false, true, false)
}

// A message whose last sentence opens by declining ("… not doing that off the
// back of this one") turns the idea down, whatever reason follows.
func TestNotDoingThatClosing(t *testing.T) {
	if !refusalCloses("long term maybe but that's a quarter of work with the vpc peering and kms keys. not doing that off the back of this one") {
		t.Error("refusalCloses: a last sentence opening 'not doing that' declines")
	}
	if refusalCloses("we need a separate account for backfills. not doing that would leave prod exposed") {
		t.Error("refusalCloses: 'not doing that would …' argues for the idea")
	}
}
