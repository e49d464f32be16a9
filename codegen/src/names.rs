//! Model names in Rust case.

/// `repositoryName` → `repository_name`, `HTTPStatusCode` → `http_status_code`.
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1);
            let boundary = match prev {
                None => false,
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                Some(_) => false,
            };
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out
}

/// `RepositoryName` → `REPOSITORY_NAME`.
pub fn screaming(name: &str) -> String {
    snake(name).to_ascii_uppercase()
}

/// A field name, with Rust keywords written as raw identifiers.
pub fn field(name: &str) -> String {
    let s = snake(name);
    if KEYWORDS.contains(&s.as_str()) {
        format!("r#{s}")
    } else {
        s
    }
}

/// An enum value as a variant: `KMS_DSSE` → `KmsDsse`, `docker-hub` → `DockerHub`.
pub fn variant(value: &str) -> String {
    let mut out = String::new();
    for word in value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let all_upper = !word.chars().any(|c| c.is_ascii_lowercase());
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            for c in chars {
                out.push(if all_upper { c.to_ascii_lowercase() } else { c });
            }
        }
    }
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert(0, 'V');
    }
    if out == "Unknown" {
        out.push_str("Value");
    }
    out
}

/// An operation or waiter name as botocore's `xform_name` writes it, with
/// `sep` between words: `DescribeImages` → `describe_images` (boto3's
/// method, paginator and waiter names) or `describe-images` (the AWS
/// CLI's). The same three steps as botocore: a trailing run of capitals
/// before an `s` (`ARNs`) becomes one word, then a separator before each
/// capitalised word (`(.)([A-Z][a-z]+)`) and between a lower-case letter
/// or digit and a capital (`([a-z0-9])([A-Z])`), then lower case.
pub fn xform(name: &str, sep: &str) -> String {
    use regex::Regex;
    use std::sync::OnceLock;
    static RES: OnceLock<[Regex; 3]> = OnceLock::new();
    let [special, first_cap, end_cap] = RES.get_or_init(|| {
        ["[A-Z]{2,}s$", "(.)([A-Z][a-z]+)", "([a-z0-9])([A-Z])"]
            .map(|re| Regex::new(re).expect("botocore's pattern compiles"))
    });
    if name.contains(sep) {
        return name.to_string();
    }
    let mut name = name.to_string();
    if let Some(m) = special.find(&name) {
        name = format!("{}{sep}{}", &name[..m.start()], m.as_str().to_lowercase());
    }
    let replacement = format!("${{1}}{sep}${{2}}");
    let s1 = first_cap.replace_all(&name, replacement.as_str());
    end_cap
        .replace_all(&s1, replacement.as_str())
        .to_lowercase()
}

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_splits_words_and_acronyms() {
        for (name, expected) in [
            ("repositoryName", "repository_name"),
            ("HTTPStatusCode", "http_status_code"),
            ("RequestId", "request_id"),
            ("imageScanFindingsSummary", "image_scan_findings_summary"),
            ("sha256Digest", "sha256_digest"),
        ] {
            assert_eq!(snake(name), expected);
        }
        assert_eq!(field("type"), "r#type");
    }

    #[test]
    fn variants_are_camel_case_and_start_with_a_letter() {
        for (value, expected) in [
            ("KMS_DSSE", "KmsDsse"),
            ("AES256", "Aes256"),
            ("docker-hub", "DockerHub"),
            ("InvalidLayerDigest", "InvalidLayerDigest"),
            ("1x", "V1x"),
            ("UNKNOWN", "UnknownValue"),
        ] {
            assert_eq!(variant(value), expected);
        }
    }
}
