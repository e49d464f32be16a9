"""pydantic v2 models of a DescribeImages response with the same constraints
as the AWS model (and as ecr-models checks them): whole-value patterns,
lengths, ranges, enums, the i32/i64 limits."""
from datetime import datetime
from enum import Enum
from typing import Annotated, Dict, List, Optional

from pydantic import BaseModel, Field

I32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
I64 = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]
RegistryId = Annotated[str, Field(pattern=r"^[0-9]{12}$")]
RepositoryName = Annotated[
    str,
    Field(min_length=2, max_length=256,
          pattern=r"^(?:[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*)$"),
]
ImageTag = Annotated[str, Field(min_length=1, max_length=300)]


class ScanStatus(str, Enum):
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETE = "COMPLETE"
    FAILED = "FAILED"
    UNSUPPORTED_IMAGE = "UNSUPPORTED_IMAGE"
    ACTIVE = "ACTIVE"
    PENDING = "PENDING"
    SCAN_ELIGIBILITY_EXPIRED = "SCAN_ELIGIBILITY_EXPIRED"
    FINDINGS_UNAVAILABLE = "FINDINGS_UNAVAILABLE"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    IMAGE_ARCHIVED = "IMAGE_ARCHIVED"
    IMAGE_SIZE_EXCEEDED = "IMAGE_SIZE_EXCEEDED"


class FindingSeverity(str, Enum):
    INFORMATIONAL = "INFORMATIONAL"
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    CRITICAL = "CRITICAL"
    UNDEFINED = "UNDEFINED"


class ImageStatus(str, Enum):
    ACTIVE = "ACTIVE"
    ARCHIVED = "ARCHIVED"
    ACTIVATING = "ACTIVATING"


class ImageScanStatus(BaseModel):
    status: Optional[ScanStatus] = None
    description: Optional[str] = None


class ImageScanFindingsSummary(BaseModel):
    imageScanCompletedAt: Optional[datetime] = None
    vulnerabilitySourceUpdatedAt: Optional[datetime] = None
    findingSeverityCounts: Optional[Dict[FindingSeverity, Annotated[int, Field(ge=0, le=2**31 - 1)]]] = None


class ImageDetail(BaseModel):
    registryId: Optional[RegistryId] = None
    repositoryName: Optional[RepositoryName] = None
    imageDigest: Optional[str] = None
    imageTags: Optional[List[ImageTag]] = None
    imageSizeInBytes: Optional[I64] = None
    imagePushedAt: Optional[datetime] = None
    imageScanStatus: Optional[ImageScanStatus] = None
    imageScanFindingsSummary: Optional[ImageScanFindingsSummary] = None
    imageManifestMediaType: Optional[str] = None
    artifactMediaType: Optional[str] = None
    lastRecordedPullTime: Optional[datetime] = None
    subjectManifestDigest: Optional[str] = None
    imageStatus: Optional[ImageStatus] = None
    lastArchivedAt: Optional[datetime] = None
    lastActivatedAt: Optional[datetime] = None


class DescribeImagesResponse(BaseModel):
    imageDetails: Optional[List[ImageDetail]] = None
    nextToken: Optional[str] = None
