//! Benchmark payloads: realistic wire-form responses, built deterministically
//! (no checked-in megabytes). Shared by the criterion benches and by the
//! `bench-data` example that writes them for the pydantic and ajv runs.

#![allow(dead_code)]

use serde_json::{json, Value};

/// A small deterministic stream of numbers (SplitMix64).
pub struct Numbers(u64);

impl Numbers {
    pub fn new(seed: u64) -> Self {
        Numbers(seed)
    }

    pub fn draw(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.draw() % n
    }

    fn hex(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b"0123456789abcdef"[self.below(16) as usize]))
            .collect()
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    /// Epoch seconds with milliseconds, as AWS writes them, in 2023-2024.
    fn when(&mut self) -> Value {
        let millis = 1_672_531_200_000 + self.below(31_536_000_000);
        json!(millis as f64 / 1000.0)
    }
}

const REPOSITORIES: &[&str] = &[
    "web/frontend",
    "api/orders",
    "batch/etl-jobs",
    "base/python",
    "ml/trainer",
];
const TAGS: &[&str] = &[
    "latest",
    "v1.4.2",
    "2024-03-01",
    "release-candidate",
    "sha-9f3e2a1",
    "main",
];
const SEVERITIES: &[&str] = &["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"];

/// One image of a DescribeImages response, with every member AWS fills.
pub fn image(n: &mut Numbers) -> Value {
    let tags: Vec<&str> = (0..1 + n.below(3)).map(|_| n.pick(TAGS)).collect();
    let mut tags = tags;
    tags.dedup();
    json!({
        "registryId": "123456789012",
        "repositoryName": n.pick(REPOSITORIES),
        "imageDigest": format!("sha256:{}", n.hex(64)),
        "imageTags": tags,
        "imageSizeInBytes": 20_000_000 + n.below(900_000_000),
        "imagePushedAt": n.when(),
        "imageScanStatus": {"status": "COMPLETE", "description": "The scan was completed successfully."},
        "imageScanFindingsSummary": {
            "imageScanCompletedAt": n.when(),
            "vulnerabilitySourceUpdatedAt": n.when(),
            "findingSeverityCounts": {"HIGH": n.below(5), "MEDIUM": n.below(20), "LOW": n.below(40)}
        },
        "imageManifestMediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "artifactMediaType": "application/vnd.docker.container.image.v1+json",
        "lastRecordedPullTime": n.when(),
        "imageStatus": "ACTIVE"
    })
}

/// A DescribeImagesResponse with `count` images.
pub fn describe_images(seed: u64, count: usize) -> Value {
    let mut n = Numbers::new(seed);
    let images: Vec<Value> = (0..count).map(|_| image(&mut n)).collect();
    json!({"imageDetails": images, "nextToken": format!("eyJ{}", n.hex(120))})
}

/// One enhanced (Amazon Inspector) finding.
pub fn enhanced_finding(n: &mut Numbers, index: usize) -> Value {
    let cve = format!("CVE-20{}-{}", 18 + n.below(7), 1000 + n.below(40000));
    let package = n.pick(&[
        "openssl",
        "libssl3",
        "zlib1g",
        "glibc",
        "curl",
        "libxml2",
        "python3.11",
    ]);
    let severity = n.pick(SEVERITIES);
    let score = (n.below(100) as f64) / 10.0;
    let digest = format!("sha256:{}", n.hex(64));
    json!({
        "awsAccountId": "123456789012",
        "description": format!("A flaw was found in {package}. An attacker could use a crafted input to cause a denial of service or possibly execute code (finding {index})."),
        "findingArn": format!("arn:aws:inspector2:us-east-1:123456789012:finding/{}", n.hex(32)),
        "firstObservedAt": n.when(),
        "lastObservedAt": n.when(),
        "packageVulnerabilityDetails": {
            "cvss": [
                {"baseScore": score, "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "source": "NVD", "version": "3.1"}
            ],
            "referenceUrls": [format!("https://nvd.nist.gov/vuln/detail/{cve}"), format!("https://security-tracker.debian.org/tracker/{cve}")],
            "relatedVulnerabilities": [],
            "source": "NVD",
            "sourceUrl": format!("https://nvd.nist.gov/vuln/detail/{cve}"),
            "vendorCreatedAt": n.when(),
            "vendorSeverity": severity,
            "vendorUpdatedAt": n.when(),
            "vulnerabilityId": cve,
            "vulnerablePackages": [{
                "arch": "X86_64",
                "epoch": 0,
                "name": package,
                "packageManager": "OS",
                "release": "1.el9",
                "sourceLayerHash": format!("sha256:{}", n.hex(64)),
                "version": format!("3.0.{}", n.below(15)),
                "fixedInVersion": format!("0:3.0.{}-2.el9", 15 + n.below(5))
            }]
        },
        "remediation": {"recommendation": {"text": format!("Upgrade {package} to a fixed version.")}},
        "resources": [{
            "details": {"awsEcrContainerImage": {
                "architecture": "amd64",
                "imageHash": digest,
                "imageTags": ["v1.4.2"],
                "platform": "AMAZON_LINUX_2023",
                "pushedAt": n.when(),
                "registry": "123456789012",
                "repositoryName": "api/orders"
            }},
            "id": format!("arn:aws:ecr:us-east-1:123456789012:repository/api/orders/{digest}"),
            "type": "AWS_ECR_CONTAINER_IMAGE"
        }],
        "score": score,
        "scoreDetails": {"cvss": {"adjustments": [], "score": score, "scoreSource": "NVD", "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "version": "3.1"}},
        "severity": severity,
        "status": "ACTIVE",
        "title": format!("{cve} - {package}"),
        "type": "PACKAGE_VULNERABILITY",
        "updatedAt": n.when(),
        "fixAvailable": "YES",
        "exploitAvailable": "NO"
    })
}

/// A DescribeImageScanFindingsResponse with `count` enhanced findings.
pub fn describe_image_scan_findings(seed: u64, count: usize) -> Value {
    let mut n = Numbers::new(seed);
    let findings: Vec<Value> = (0..count).map(|i| enhanced_finding(&mut n, i)).collect();
    json!({
        "registryId": "123456789012",
        "repositoryName": "api/orders",
        "imageId": {"imageDigest": format!("sha256:{}", n.hex(64)), "imageTag": "v1.4.2"},
        "imageScanStatus": {"status": "ACTIVE", "description": "Continuous scan is selected for image."},
        "imageScanFindings": {
            "imageScanCompletedAt": n.when(),
            "vulnerabilitySourceUpdatedAt": n.when(),
            "findingSeverityCounts": {"CRITICAL": 3, "HIGH": 41, "MEDIUM": 180, "LOW": 276},
            "enhancedFindings": findings
        }
    })
}

/// A small CreateRepositoryRequest.
pub fn create_repository() -> Value {
    json!({
        "repositoryName": "team-a/service-orders",
        "imageTagMutability": "IMMUTABLE",
        "imageScanningConfiguration": {"scanOnPush": true},
        "encryptionConfiguration": {"encryptionType": "KMS", "kmsKey": "arn:aws:kms:us-east-1:123456789012:key/0b9f0a34-3d1c-4c1a-9f34-1c2b3d4e5f60"},
        "tags": [{"Key": "team", "Value": "orders"}, {"Key": "cost-center", "Value": "4711"}]
    })
}

/// A PutLifecyclePolicyRequest whose policy has `rules` rules: tagged
/// images by pattern or prefix, kept by count or by age, archived after
/// their last pull, and a last rule for any image.
pub fn put_lifecycle_policy(rules: usize) -> Value {
    let mut list: Vec<Value> = (0..rules.saturating_sub(1))
        .map(|i| {
            let (tags, selection) = if i % 2 == 0 {
                (
                    "tagPatternList",
                    json!([format!("release-{i}-*"), format!("rc-{i}-*-hotfix")]),
                )
            } else {
                (
                    "tagPrefixList",
                    json!([format!("v{i}."), format!("build-{i}")]),
                )
            };
            let mut rule = json!({
                "rulePriority": i + 1,
                "description": format!("keep the newest images of stream {i}"),
                "selection": {"tagStatus": "tagged", tags: selection,
                              "countType": "imageCountMoreThan", "countNumber": 10 + i},
                "action": {"type": "expire"}
            });
            if i % 3 == 2 {
                rule["selection"] = json!({"tagStatus": "tagged", tags: selection,
                    "countType": "sinceImagePulled", "countUnit": "days", "countNumber": 30 + i});
                rule["action"] = json!({"type": "transition", "targetStorageClass": "archive"});
            }
            rule
        })
        .collect();
    list.push(json!({
        "rulePriority": rules + 100,
        "description": "expire anything older than a year",
        "selection": {"tagStatus": "any", "countType": "sinceImagePushed",
                      "countUnit": "days", "countNumber": 365},
        "action": {"type": "expire"}
    }));
    json!({
        "registryId": "123456789012",
        "repositoryName": "team-a/service-orders",
        "lifecyclePolicyText": json!({ "rules": list }).to_string()
    })
}

/// The JSON Lines stream: `pages` DescribeImagesResponse pages of 100 images.
pub fn describe_images_stream(pages: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for page in 0..pages {
        serde_json::to_writer(&mut out, &describe_images(page as u64, 100)).expect("serializes");
        out.push(b'\n');
    }
    out
}

/// The lines of a JSON Lines stream, empty ones left out. Benches split
/// once, outside their timed loops: what they measure is the reading of
/// each line, not the search for its end (which every path would pay
/// alike, lifting the ratios).
pub fn lines(stream: &[u8]) -> Vec<&[u8]> {
    stream
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect()
}
