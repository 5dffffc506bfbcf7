package transcript

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// ReadSlackExport reads a Slack workspace export: a .zip file or an unpacked folder,
// possibly nested under one top-level folder.
//
// Channels (channels.json, public) and private channels (groups.json, optional) whose
// name matches opts.ChannelPattern become incidents. Direct messages (dms.json,
// mpims.json) are never incidents and are not read. A channel with no content message
// is skipped: there is nothing to search or summarize.
//
// Messages: joins, leaves, topic and purpose changes, archives, pins and every other
// subtype not on the content list (see contentSubtypes) are dropped. thread_ts is kept
// exactly as the export has it, so a thread parent carries thread_ts equal to its own
// ts; copilot.ChunkIncident reads that as "starts a thread". Two messages of a channel
// with the same ts are the same Slack message (ts is its id), so only the first is kept.
// User names are display_name, else real_name, else name: display_name is what people
// see and type after "@" in the channel, so mentions read as written.
//
// The incident id is the channel name (see channelIncidentID for a name outside
// copilot.IDPattern).
//
// Errors: EINVALID naming the file (and line) for a malformed export, or naming file,
// line, message and field for a stored string with a NUL byte; ETOOLARGE for a file or
// message over opts.Limits.
func ReadSlackExport(path string, opts Options) ([]*copilot.Incident, error) {
	re, err := opts.channelRE()
	if err != nil {
		return nil, err
	}
	lim := opts.Limits.withDefaults()
	st, err := os.Stat(path)
	if err != nil {
		return nil, statErr(path, err)
	}
	var fsys fs.FS
	if st.IsDir() {
		fsys = os.DirFS(path)
	} else {
		zr, err := zip.OpenReader(path)
		if err != nil {
			return nil, invalidf("%s: not a zip file: %v", path, err)
		}
		defer zr.Close()
		fsys = zr
	}
	return readSlackFS(path, fsys, re, lim, opts.SkippedChannel)
}

func statErr(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return copilot.Errorf(copilot.ENOTFOUND, "%s: no such file or folder", path)
	}
	return fmt.Errorf("stat %s: %w", path, err)
}

// slackExport reads the files of one export.
type slackExport struct {
	name  string // the export's path, for error messages
	fsys  fs.FS
	lim   Limits
	re    *regexp.Regexp // channels that are incidents
	users map[string]string
}

func (x *slackExport) fileName(p string) string { return x.name + ": " + p }

// readFile reads one file of the export with the size and UTF-8 checks every file gets.
func (x *slackExport) readFile(p string) ([]byte, error) {
	f, err := x.fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > x.lim.MaxFileBytes {
		return nil, tooLargef("%s: file is larger than the limit of %d bytes", x.fileName(p), x.lim.MaxFileBytes)
	}
	data, err := readLimited(x.fileName(p), f, x.lim.MaxFileBytes)
	if err != nil {
		return nil, err
	}
	data = blankBOM(data)
	if err := checkJSONUTF8(x.fileName(p), data); err != nil {
		return nil, err
	}
	return data, nil
}

func exists(fsys fs.FS, p string) bool {
	st, err := fs.Stat(fsys, p)
	return err == nil && !st.IsDir()
}

// exportRoot finds the folder holding users.json/channels.json: the top level, or the
// one folder a zip tool put everything under.
func exportRoot(fsys fs.FS) (fs.FS, bool) {
	if exists(fsys, "users.json") || exists(fsys, "channels.json") {
		return fsys, true
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, false
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "__MACOSX" && !strings.HasPrefix(e.Name(), ".") {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) != 1 {
		return nil, false
	}
	sub, err := fs.Sub(fsys, dirs[0])
	if err != nil {
		return nil, false
	}
	if exists(sub, "users.json") || exists(sub, "channels.json") {
		return sub, true
	}
	return nil, false
}

func readSlackFS(name string, fsys fs.FS, re *regexp.Regexp, lim Limits, skipped func(string)) ([]*copilot.Incident, error) {
	root, ok := exportRoot(fsys)
	if !ok {
		return nil, invalidf("%s: not a Slack export: no users.json or channels.json at its top level or in its one top-level folder", name)
	}
	x := &slackExport{name: name, fsys: root, lim: lim, re: re}
	for _, req := range []string{"users.json", "channels.json"} {
		if !exists(root, req) {
			return nil, invalidf("%s: %s: missing; a Slack export holds users.json and channels.json", name, req)
		}
	}
	users, err := x.readUsers()
	if err != nil {
		return nil, err
	}
	x.users = users
	chans, err := x.readChannels("channels.json", copilot.VisibilityPublic)
	if err != nil {
		return nil, err
	}
	if exists(root, "groups.json") {
		groups, err := x.readChannels("groups.json", copilot.VisibilityPrivate)
		if err != nil {
			return nil, err
		}
		chans = append(chans, groups...)
	}
	var out []*copilot.Incident
	seen := map[string]bool{}
	for _, ch := range chans {
		if seen[ch.Name] {
			continue
		}
		seen[ch.Name] = true
		if !re.MatchString(ch.Name) {
			if skipped != nil {
				skipped(ch.Name)
			}
			continue
		}
		inc, err := x.channelIncident(ch)
		if err != nil {
			return nil, err
		}
		if inc != nil {
			out = append(out, inc)
		}
	}
	return out, nil
}

type slackUser struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	RealName string `json:"real_name"`
	Profile  struct {
		DisplayName string `json:"display_name"`
		RealName    string `json:"real_name"`
	} `json:"profile"`
}

// SlackUserNames reads a Slack export's users.json into each user's names by user
// id: handle, real name, display name and profile real name, as written (blank ones
// left out). Tools that compare people by any name they go by use it (the eval's
// owner comparison).
//
// Errors: EINVALID for JSON that is not a list of users.
func SlackUserNames(name string, data []byte) (map[string][]string, error) {
	var us []slackUser
	if err := json.Unmarshal(data, &us); err != nil {
		return nil, jsonErr(name, data, 0, err)
	}
	out := make(map[string][]string, len(us))
	for _, u := range us {
		if u.ID == "" {
			continue
		}
		for _, n := range []string{u.Name, u.RealName, u.Profile.DisplayName, u.Profile.RealName} {
			if n = strings.TrimSpace(n); n != "" {
				out[u.ID] = append(out[u.ID], n)
			}
		}
	}
	return out, nil
}

// displayName picks the name people see in the channel, and says which field of the
// user it came from.
func (u slackUser) displayName() (string, jsonPath) {
	for _, f := range []struct {
		n    string
		path jsonPath
	}{
		{u.Profile.DisplayName, jsonPath{"profile", "display_name"}},
		{u.Profile.RealName, jsonPath{"profile", "real_name"}},
		{u.RealName, jsonPath{"real_name"}},
		{u.Name, jsonPath{"name"}},
	} {
		if n := strings.TrimSpace(f.n); n != "" {
			return n, f.path
		}
	}
	return "", nil
}

func (x *slackExport) readUsers() (map[string]string, error) {
	data, err := x.readFile("users.json")
	if err != nil {
		return nil, err
	}
	var us []slackUser
	if err := json.Unmarshal(data, &us); err != nil {
		return nil, jsonErr(x.fileName("users.json"), data, 0, err)
	}
	users := make(map[string]string, len(us))
	for i, u := range us {
		n, field := u.displayName()
		if u.ID == "" || n == "" {
			continue
		}
		// The name is stored with every message the user wrote or is mentioned in.
		p := append(jsonPath{i}, field...)
		if err := checkDecoded(func() string {
			line, _ := lineCol(data, pathOffset(data, p))
			return fmt.Sprintf("%s:%d: %s", x.fileName("users.json"), line, p)
		}, data, p, n); err != nil {
			return nil, err
		}
		users[u.ID] = n
	}
	return users, nil
}

// flexInt accepts a number or a numeric string: exports disagree on `created`.
type flexInt int64

func (n *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(bytes.TrimSpace(b)), `"`)
	if s == "" || s == "null" {
		*n = 0
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("created: %q is not a number", s)
	}
	*n = flexInt(f)
	return nil
}

type slackText struct {
	Value string `json:"value"`
}

type slackChannel struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Created    flexInt   `json:"created"`
	IsPrivate  bool      `json:"is_private"`
	Topic      slackText `json:"topic"`
	Purpose    slackText `json:"purpose"`
	visibility string
	incidentID string // see channelIncidentID
}

func (x *slackExport) readChannels(file, visibility string) ([]slackChannel, error) {
	data, err := x.readFile(file)
	if err != nil {
		return nil, err
	}
	var cs []slackChannel
	if err := json.Unmarshal(data, &cs); err != nil {
		return nil, jsonErr(x.fileName(file), data, 0, err)
	}
	for i := range cs {
		cs[i].visibility = visibility
		if cs[i].IsPrivate {
			cs[i].visibility = copilot.VisibilityPrivate
		}
		if !x.re.MatchString(cs[i].Name) {
			continue
		}
		// An incident channel's fields are stored, so what PostgreSQL or the API
		// would refuse is an error naming the channel's line here.
		where := func(p jsonPath) string {
			p = append(jsonPath{i}, p...)
			line, _ := lineCol(data, pathOffset(data, p))
			return fmt.Sprintf("%s:%d: %s", x.fileName(file), line, p)
		}
		for _, f := range []struct {
			s    string
			path jsonPath
		}{
			{cs[i].ID, jsonPath{"id"}},
			{cs[i].Name, jsonPath{"name"}},
			{cs[i].Topic.Value, jsonPath{"topic", "value"}},
			{cs[i].Purpose.Value, jsonPath{"purpose", "value"}},
		} {
			if err := checkDecoded(func() string { return where(f.path) }, data, append(jsonPath{i}, f.path...), f.s); err != nil {
				return nil, err
			}
		}
		cs[i].incidentID = channelIncidentID(cs[i].Name, cs[i].ID)
		if err := copilot.CheckID(where(jsonPath{"name"}), cs[i].incidentID); err != nil {
			return nil, err
		}
	}
	return cs, nil
}

// channelIncidentID is the incident id of a channel: its name, which is what people
// call the incident. Slack names are lowercase letters, digits, '-' and '_', always
// valid ids, but some workspaces allow other letters; such a name becomes a slug of
// what is left, followed by the channel id, which keeps two such channels apart.
func channelIncidentID(name, channelID string) string {
	if copilot.ValidID(name) {
		return name
	}
	slug := slugID(name)
	if slug == "" {
		return channelID
	}
	if len(slug)+1+len(channelID) > maxIDLen {
		slug = strings.TrimRight(slug[:max(maxIDLen-1-len(channelID), 0)], "-._:")
	}
	if slug == "" {
		return channelID
	}
	return slug + "-" + channelID
}

var (
	dayFileRE  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}\.json$`)
	severityRE = regexp.MustCompile(`(?i)\bsev[-_ ]?([0-9])\b`)
)

func (x *slackExport) channelIncident(ch slackChannel) (*copilot.Incident, error) {
	if !fs.ValidPath(ch.Name) || strings.Contains(ch.Name, "/") {
		return nil, invalidf("%s: channel name %q is not a folder name", x.fileName("channels.json"), ch.Name)
	}
	entries, err := fs.ReadDir(x.fsys, ch.Name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", x.fileName(ch.Name), err)
	}
	var days []string
	for _, e := range entries {
		if !e.IsDir() && dayFileRE.MatchString(e.Name()) {
			days = append(days, e.Name())
		}
	}
	sort.Strings(days) // YYYY-MM-DD sorts by date
	var msgs []copilot.Message
	seen := map[string]bool{}
	for _, day := range days {
		p := ch.Name + "/" + day
		data, err := x.readFile(p)
		if err != nil {
			return nil, err
		}
		ms, err := parseDayFile(x.fileName(p), data, x.users, x.lim)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			key := copilot.TSTime(m.TS).String()
			if !seen[key] {
				seen[key] = true
				msgs = append(msgs, m)
			}
		}
	}
	if len(msgs) == 0 {
		return nil, nil
	}
	// Replies are filed under the day they were written, and exports are known to list
	// them out of order; citations and chunking want ts order.
	sort.SliceStable(msgs, func(i, j int) bool { return tsBefore(msgs[i].TS, msgs[j].TS) })
	topic := strings.TrimSpace(NormalizeSlackText(ch.Topic.Value, x.users))
	purpose := strings.TrimSpace(NormalizeSlackText(ch.Purpose.Value, x.users))
	inc := &copilot.Incident{
		ID:          ch.incidentID,
		Title:       firstNonEmpty(purpose, topic, ch.Name),
		Visibility:  ch.visibility,
		Services:    []string{},
		StartedAt:   msgs[0].Time(),
		ChannelID:   ch.ID,
		ChannelName: ch.Name,
		Source:      copilot.SourceSlack,
		Messages:    msgs,
		Tickets:     []copilot.Ticket{},
	}
	for _, s := range []string{topic, purpose} {
		if m := severityRE.FindStringSubmatch(s); m != nil {
			inc.Severity = "SEV" + m[1]
			break
		}
	}
	return inc, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// contentSubtypes are the message subtypes that carry what people (or bots) said.
// Everything else, including subtypes Slack adds later, is channel housekeeping:
// an allowlist keeps such noise out of the transcript by default.
var contentSubtypes = map[string]bool{
	"":                  true,
	"bot_message":       true,
	"file_share":        true,
	"file_comment":      true,
	"file_mention":      true,
	"me_message":        true,
	"thread_broadcast":  true,
	"reply_broadcast":   true,
	"slackbot_response": true,
}

type slackFile struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

type slackAttachment struct {
	Fallback string `json:"fallback"`
	Pretext  string `json:"pretext"`
	Title    string `json:"title"`
	Text     string `json:"text"`
}

type slackMessage struct {
	Type       string            `json:"type"`
	Subtype    string            `json:"subtype"`
	Hidden     bool              `json:"hidden"`
	TS         *string           `json:"ts"`
	ThreadTS   string            `json:"thread_ts"`
	User       string            `json:"user"`
	Username   string            `json:"username"`
	BotID      string            `json:"bot_id"`
	Text       string            `json:"text"`
	File       *slackFile        `json:"file"`
	Files      []slackFile       `json:"files"`
	Attach     []slackAttachment `json:"attachments"`
	BotProfile *struct {
		Name string `json:"name"`
	} `json:"bot_profile"`
	UserProfile *struct {
		DisplayName string `json:"display_name"`
		RealName    string `json:"real_name"`
		Name        string `json:"name"`
	} `json:"user_profile"`
}

// parseDayFile parses one YYYY-MM-DD.json file of a channel folder (an array of
// messages; a single message object is accepted too) into content messages, in file
// order. name is used in error messages.
func parseDayFile(name string, data []byte, users map[string]string, lim Limits) ([]copilot.Message, error) {
	data = blankBOM(data)
	if err := checkJSONUTF8(name, data); err != nil {
		return nil, err
	}
	vals, err := splitTopValues(name, data)
	if err != nil {
		return nil, err
	}
	var out []copilot.Message
	for i, v := range vals {
		line, _ := lineCol(data, v.base)
		var sm slackMessage
		if err := json.Unmarshal(v.raw, &sm); err != nil {
			var typ *json.UnmarshalTypeError
			if errors.As(err, &typ) {
				return nil, jsonErr(name, data, v.base, err)
			}
			return nil, invalidf("%s:%d: message must be a JSON object", name, line)
		}
		m, keep, err := sm.message(users)
		if err != nil {
			return nil, invalidf("%s:%d: %v", name, line, err)
		}
		if !keep {
			continue
		}
		for _, f := range sm.storedFields() {
			if err := checkDecoded(func() string {
				fl, _ := lineCol(data, v.base+pathOffset(v.raw, f.path))
				return fmt.Sprintf("%s:%d: message %d (ts %s): %s", name, fl, i, m.TS, f.path)
			}, v.raw, f.path, f.s); err != nil {
				return nil, err
			}
		}
		if len(m.Text) > lim.MaxMessageBytes {
			return nil, tooLargef("%s:%d: message ts %s is %d bytes, over the limit of %d", name, line, m.TS, len(m.Text), lim.MaxMessageBytes)
		}
		out = append(out, m)
	}
	return out, nil
}

// storedField is a string of an export message that can reach the transcript, and
// its path in the message.
type storedField struct {
	s    string
	path jsonPath
}

// storedFields lists every string of sm that message may copy into the transcript
// (ts and thread_ts are checked against tsRE instead), so one PostgreSQL would refuse
// is reported under the field the export has it in.
func (sm *slackMessage) storedFields() []storedField {
	out := []storedField{
		{sm.Text, jsonPath{"text"}},
		{sm.User, jsonPath{"user"}},
		{sm.Username, jsonPath{"username"}},
		{sm.BotID, jsonPath{"bot_id"}},
	}
	if sm.File != nil {
		out = append(out, storedField{sm.File.Name, jsonPath{"file", "name"}}, storedField{sm.File.Title, jsonPath{"file", "title"}})
	}
	for i, f := range sm.Files {
		out = append(out, storedField{f.Name, jsonPath{"files", i, "name"}}, storedField{f.Title, jsonPath{"files", i, "title"}})
	}
	for i, a := range sm.Attach {
		for _, f := range []storedField{{a.Fallback, jsonPath{"fallback"}}, {a.Pretext, jsonPath{"pretext"}}, {a.Title, jsonPath{"title"}}, {a.Text, jsonPath{"text"}}} {
			out = append(out, storedField{f.s, append(jsonPath{"attachments", i}, f.path...)})
		}
	}
	if sm.BotProfile != nil {
		out = append(out, storedField{sm.BotProfile.Name, jsonPath{"bot_profile", "name"}})
	}
	if p := sm.UserProfile; p != nil {
		out = append(out,
			storedField{p.DisplayName, jsonPath{"user_profile", "display_name"}},
			storedField{p.RealName, jsonPath{"user_profile", "real_name"}},
			storedField{p.Name, jsonPath{"user_profile", "name"}})
	}
	return out
}

// message turns one export message into a transcript message; keep is false for
// housekeeping and empty messages.
func (sm slackMessage) message(users map[string]string) (copilot.Message, bool, error) {
	if (sm.Type != "" && sm.Type != "message") || sm.Hidden || !contentSubtypes[sm.Subtype] {
		return copilot.Message{}, false, nil
	}
	if sm.TS == nil {
		return copilot.Message{}, false, errors.New("ts: missing")
	}
	if !validTS(*sm.TS) {
		return copilot.Message{}, false, fmt.Errorf("ts: %q is not a Slack timestamp", *sm.TS)
	}
	if sm.ThreadTS != "" && !validTS(sm.ThreadTS) {
		return copilot.Message{}, false, fmt.Errorf("thread_ts: %q is not a Slack timestamp", sm.ThreadTS)
	}
	parts := []string{strings.TrimSpace(NormalizeSlackText(sm.Text, users))}
	files := sm.Files
	if sm.File != nil {
		files = append([]slackFile{*sm.File}, files...)
	}
	for _, f := range files {
		if label := fileLabel(f); label != "" {
			parts = append(parts, "[file: "+label+"]")
		}
	}
	for _, a := range sm.Attach {
		for _, s := range attachmentParts(a) {
			s = strings.TrimSpace(NormalizeSlackText(s, users))
			if s != "" && !containsPart(parts, s) {
				parts = append(parts, s)
			}
		}
	}
	text := strings.TrimSpace(strings.Join(nonEmpty(parts), "\n"))
	if text == "" {
		return copilot.Message{}, false, nil
	}
	m := copilot.Message{TS: *sm.TS, User: sm.User, Text: text, ThreadTS: sm.ThreadTS, Kind: copilot.KindMessage}
	bot := sm.Subtype == "bot_message" || sm.BotProfile != nil || (sm.BotID != "" && sm.User == "")
	if bot {
		m.Kind = copilot.KindBot
		if m.User == "" {
			m.User = sm.BotID
		}
		var profile string
		if sm.BotProfile != nil {
			profile = sm.BotProfile.Name
		}
		m.UserName = firstNonEmpty(strings.TrimSpace(sm.Username), strings.TrimSpace(profile), users[sm.User], sm.BotID)
		return m, true, nil
	}
	m.UserName = users[sm.User]
	if m.UserName == "" && sm.UserProfile != nil {
		p := sm.UserProfile
		m.UserName = firstNonEmpty(strings.TrimSpace(p.DisplayName), strings.TrimSpace(p.RealName), strings.TrimSpace(p.Name))
	}
	if m.UserName == "" {
		m.UserName = firstNonEmpty(strings.TrimSpace(sm.Username), sm.User)
	}
	return m, true, nil
}

func fileLabel(f slackFile) string {
	title, name := strings.TrimSpace(f.Title), strings.TrimSpace(f.Name)
	if title != "" && name != "" && title != name {
		return title + " (" + name + ")"
	}
	return firstNonEmpty(title, name)
}

// attachmentParts are the readable parts of an attachment; the fallback is its
// plain-text rendering, used only when the attachment has no other text.
func attachmentParts(a slackAttachment) []string {
	if a.Pretext == "" && a.Title == "" && a.Text == "" {
		return []string{a.Fallback}
	}
	return []string{a.Pretext, a.Title, a.Text}
}

func containsPart(parts []string, s string) bool {
	for _, p := range parts {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
}

func nonEmpty(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// isSlackExportDir reports whether dir holds an unpacked export. Either file is
// enough, so a half-copied export gets ReadSlackExport's error naming the missing
// file rather than being misread as incident documents.
func isSlackExportDir(dir string) bool {
	fsys := os.DirFS(dir)
	return exists(fsys, "users.json") || exists(fsys, "channels.json")
}
