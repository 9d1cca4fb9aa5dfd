//! Who the system says the user is: the name a first start offers for "Who is reviewing?", so an analyst
//! confirms with Enter instead of typing it. A leaf: reads the account database, git's configuration and
//! the environment, and nothing of claimdesk.

use std::path::Path;
use std::process::{Command, Stdio};

/// The reviewer's name as the system knows it: the account's full name, else `git config user.name`, else
/// the login name; `None` when none is known.
#[must_use]
pub fn system_reviewer_name() -> Option<String> {
    let passwd = Path::new("/etc/passwd");
    // Without $USER (a service, `env -i`, some containers) the account is found by this process's user id.
    let login = login_name().or_else(|| own_uid().and_then(|uid| login_of_uid(passwd, uid)));
    login
        .as_deref()
        .and_then(|login| full_name_from_passwd(passwd, login))
        .or_else(git_user_name)
        .or(login)
}

#[cfg(unix)]
fn own_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata("/proc/self").ok().map(|m| m.uid())
}

#[cfg(not(unix))]
fn own_uid() -> Option<u32> {
    None
}

/// The login name of the account with user id `uid`.
fn login_of_uid(passwd: &Path, uid: u32) -> Option<String> {
    let text = std::fs::read_to_string(passwd).ok()?;
    text.lines().take(100_000).find_map(|line| {
        let mut fields = line.split(':');
        let login = fields.next()?;
        (fields.nth(1)?.parse::<u32>().ok()? == uid).then(|| login.to_owned())
    })
}

fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .into_iter()
        .filter_map(|variable| std::env::var(variable).ok())
        .map(|name| name.trim().to_owned())
        .find(|name| !name.is_empty())
}

/// The full name in the account's GECOS field ("Jana Novak,Room 4,,": the part before the first comma).
fn full_name_from_passwd(passwd: &Path, login: &str) -> Option<String> {
    // A few KB on any real system; the bound keeps a strange mount from being read whole.
    let text = std::fs::read_to_string(passwd).ok()?;
    text.lines().take(100_000).find_map(|line| {
        let mut fields = line.split(':');
        (fields.next()? == login).then_some(())?;
        let gecos = fields.nth(3)?;
        let name = gecos.split(',').next()?.trim();
        (!name.is_empty()).then(|| name.to_owned())
    })
}

fn git_user_name() -> Option<String> {
    let output = Command::new("git")
        .args(["config", "--get", "user.name"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(output.stdout).ok()?.trim().to_owned();
    (output.status.success() && !name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_name_is_the_gecos_field_before_its_first_comma() {
        let dir = tempfile::tempdir().unwrap();
        let passwd = dir.path().join("passwd");
        std::fs::write(
            &passwd,
            "root:x:0:0:root:/root:/bin/bash\n\
             jnovak:x:1000:1000:Jana Novák,Raum 4,,:/home/jnovak:/bin/bash\n\
             svc:x:1001:1001::/srv:/usr/sbin/nologin\n",
        )
        .unwrap();
        assert_eq!(
            full_name_from_passwd(&passwd, "jnovak").as_deref(),
            Some("Jana Novák")
        );
        assert_eq!(full_name_from_passwd(&passwd, "svc"), None, "empty field");
        assert_eq!(full_name_from_passwd(&passwd, "nobody"), None);
        assert_eq!(
            full_name_from_passwd(&dir.path().join("missing"), "root"),
            None
        );
        assert_eq!(login_of_uid(&passwd, 1000).as_deref(), Some("jnovak"));
        assert_eq!(login_of_uid(&passwd, 4242), None);
    }
}
