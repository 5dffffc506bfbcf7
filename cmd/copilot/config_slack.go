package main

import (
	"context"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"

	slackgo "github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/incidentcopilot/incident-copilot/api"
	"github.com/incidentcopilot/incident-copilot/api/slack"
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// SlackConfig is the Slack app's configuration. Slack is on when the bot token
// and the signing secret are both set.
type SlackConfig struct {
	BotToken      string // SLACK_BOT_TOKEN (xoxb-…)
	SigningSecret string // SLACK_SIGNING_SECRET
	AppToken      string // SLACK_APP_TOKEN (xapp-…), for Socket Mode
	APIURL        string // COPILOT_SLACK_API_URL: the Web API base, for tests and proxies
	WorkspaceURL  string // COPILOT_SLACK_WORKSPACE_URL: https://acme.slack.com, for permalinks
	// ChannelPattern names incident channels (COPILOT_SLACK_CHANNEL_PATTERN).
	ChannelPattern string
	// SocketMode receives Slack's requests over Socket Mode (serve --slack-socket-mode).
	SocketMode bool
}

func slackConfigFromEnv(getenv func(string) string) SlackConfig {
	c := SlackConfig{
		BotToken:       strings.TrimSpace(getenv("SLACK_BOT_TOKEN")),
		SigningSecret:  strings.TrimSpace(getenv("SLACK_SIGNING_SECRET")),
		AppToken:       strings.TrimSpace(getenv("SLACK_APP_TOKEN")),
		APIURL:         strings.TrimSpace(getenv("COPILOT_SLACK_API_URL")),
		WorkspaceURL:   strings.TrimRight(strings.TrimSpace(getenv("COPILOT_SLACK_WORKSPACE_URL")), "/"),
		ChannelPattern: getenv("COPILOT_SLACK_CHANNEL_PATTERN"),
	}
	if c.ChannelPattern == "" {
		c.ChannelPattern = slack.DefaultChannelPattern
	}
	if c.APIURL != "" && !strings.HasSuffix(c.APIURL, "/") {
		c.APIURL += "/" // slack-go appends method names to it
	}
	return c
}

// Enabled reports whether the Slack routes and workers run.
func (c SlackConfig) Enabled() bool { return c.BotToken != "" || c.SigningSecret != "" }

// validate names the bad variable, never its value.
func (c SlackConfig) validate() error {
	if !c.Enabled() {
		if c.SocketMode {
			return copilot.Errorf(copilot.EINVALID, "--slack-socket-mode: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_APP_TOKEN must be set")
		}
		if c.AppToken != "" {
			return copilot.Errorf(copilot.EINVALID, "SLACK_APP_TOKEN: set, but SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not")
		}
		return nil
	}
	switch {
	case c.BotToken == "":
		return copilot.Errorf(copilot.EINVALID, "SLACK_BOT_TOKEN: not set, but SLACK_SIGNING_SECRET is (the copilot needs both to answer in Slack)")
	case c.SigningSecret == "":
		return copilot.Errorf(copilot.EINVALID, "SLACK_SIGNING_SECRET: not set, but SLACK_BOT_TOKEN is (every Slack request is verified with it)")
	case !strings.HasPrefix(c.BotToken, "xoxb-"):
		return copilot.Errorf(copilot.EINVALID, "SLACK_BOT_TOKEN: not a bot token (it starts with xoxb-)")
	case c.SocketMode && c.AppToken == "":
		return copilot.Errorf(copilot.EINVALID, "SLACK_APP_TOKEN: not set, but --slack-socket-mode is (Socket Mode connects with the app-level token, xapp-…)")
	case c.AppToken != "" && !strings.HasPrefix(c.AppToken, "xapp-"):
		return copilot.Errorf(copilot.EINVALID, "SLACK_APP_TOKEN: not an app-level token (it starts with xapp-)")
	}
	for _, u := range []struct{ env, v string }{{"COPILOT_SLACK_API_URL", c.APIURL}, {"COPILOT_SLACK_WORKSPACE_URL", c.WorkspaceURL}} {
		if u.v == "" {
			continue
		}
		p, err := url.Parse(u.v)
		if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return copilot.Errorf(copilot.EINVALID, "%s: %q is not an http(s) URL", u.env, u.v)
		}
	}
	if _, err := regexp.Compile(c.ChannelPattern); err != nil {
		return copilot.Errorf(copilot.EINVALID, "COPILOT_SLACK_CHANNEL_PATTERN: %v", err)
	}
	return nil
}

// Permalink links a message of an incident whose channel is known:
// WORKSPACE/archives/CHANNEL/p<ts without its dot>, the form Slack's own
// permalinks take. Nil without a workspace URL.
func (c SlackConfig) Permalink() func(inc *copilot.Incident, ts string) string {
	if c.WorkspaceURL == "" {
		return nil
	}
	return func(inc *copilot.Incident, ts string) string {
		if inc == nil || inc.ChannelID == "" || ts == "" {
			return ""
		}
		return c.WorkspaceURL + "/archives/" + url.PathEscape(inc.ChannelID) + "/p" + strings.ReplaceAll(ts, ".", "")
	}
}

// startSlack builds the Slack handler and starts its job workers; stop lets the
// running jobs finish. Both are nil when Slack is not configured.
func startSlack(ctx context.Context, cfg SlackConfig, s *postgres.Store, cp *copilot.Copilot, logger *slog.Logger) (api.SlackRoutes, func(), error) {
	if !cfg.Enabled() {
		return nil, func() {}, nil
	}
	opts := []slackgo.Option{}
	if cfg.APIURL != "" {
		opts = append(opts, slackgo.OptionAPIURL(cfg.APIURL))
	}
	if cfg.AppToken != "" {
		opts = append(opts, slackgo.OptionAppLevelToken(cfg.AppToken))
	}
	client := slackgo.New(cfg.BotToken, opts...)
	h, err := slack.New(slack.Options{
		SigningSecret:  cfg.SigningSecret,
		Client:         client,
		Store:          s,
		Copilot:        cp,
		Redact:         redact.String,
		ChannelPattern: regexp.MustCompile(cfg.ChannelPattern),
		Logger:         logger,
	})
	if err != nil {
		return nil, nil, err
	}
	// Owners and speakers are Slack user ids: tickets name them by display name.
	cp.PersonName = h.UserName
	// Acknowledgements get connections of their own, opened now: Slack's 200 never
	// waits behind the workers for a connection, nor for one to be dialled.
	if err := s.ReserveAckConns(ctx, 0); err != nil {
		return nil, nil, err
	}
	jobs, err := s.RunChatJobs(ctx, h.Work, postgres.JobOptions{Logger: logger, Catchup: h.WorkCatchup})
	if err != nil {
		return nil, nil, err
	}
	// What incident channels said while no copilot was running is fetched through
	// the queue; a failure here leaves live events working, so it is only logged.
	if _, err := h.CatchUp(ctx); err != nil {
		logger.Warn("slack: catch-up at start not queued", "error", err.Error())
	}
	socketCtx, stopSocket := context.WithCancel(ctx)
	socketDone := make(chan struct{})
	if cfg.SocketMode {
		go func() {
			defer close(socketDone)
			if err := h.RunSocketMode(socketCtx, socketmode.New(client)); err != nil {
				logger.Error("slack: socket mode stopped", "error", err.Error())
			}
		}()
		logger.Info("slack: socket mode")
	} else {
		close(socketDone)
	}
	stop := func() {
		stopSocket()
		<-socketDone
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := jobs.Stop(sctx); err != nil {
			logger.Warn("slack workers did not stop cleanly", "error", err.Error())
		}
	}
	logger.Info("slack: serving", "events", "/v1/slack/events", "commands", "/v1/slack/commands", "interactions", "/v1/slack/interactions")
	return h, stop, nil
}

var _ slack.Store = (*postgres.Store)(nil)
