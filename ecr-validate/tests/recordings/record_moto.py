"""Records the request, response and error bodies of ECR calls made with
boto3 against moto (an independent implementation of ECR), as JSON Lines on
standard output: tests/recordings/moto.jsonl.

    python3 -m venv env && env/bin/pip install 'moto[ecr]' boto3
    env/bin/python tests/recordings/record_moto.py > tests/recordings/moto.jsonl

moto does not implement ECR Public, so only ECR is recorded.
"""
import json

import boto3
import moto
from moto import mock_aws

out = []


def record_client(client, service):
    def before_send(request, **kw):
        op = request.headers.get('X-Amz-Target', b'')
        if isinstance(op, bytes): op = op.decode()
        body = request.body
        if isinstance(body, bytes): body = body.decode()
        out.append({"source": SOURCE, "service": service, "operation": op.split('.')[-1], "side": "request", "body": body or ""})
    client.meta.events.register('before-send', before_send)
    def after(http_response, parsed, model, **kw):
        body = http_response.content.decode()
        status = http_response.status_code
        out.append({"source": SOURCE, "service": service, "operation": model.name,
                    "side": "response" if status < 300 else "error",
                    "status": status,
                    "error_type": http_response.headers.get('x-amzn-errortype'),
                    "body": body})
    client.meta.events.register('after-call', after)


SOURCE = f"moto {moto.__version__}, boto3 {boto3.__version__}"


@mock_aws
def main():
    ecr = boto3.client('ecr', region_name='us-east-1')
    record_client(ecr, 'ecr')
    def calls(c, name, **kw):
        try:
            return getattr(c, name)(**kw)
        except Exception as e:
            return e
    calls(ecr, 'create_repository', repositoryName='team/app', tags=[{'Key': 'k', 'Value': 'v'}],
          imageScanningConfiguration={'scanOnPush': True}, imageTagMutability='MUTABLE')
    calls(ecr, 'create_repository', repositoryName='team/app')
    calls(ecr, 'create_repository', repositoryName='other')
    calls(ecr, 'describe_repositories')
    calls(ecr, 'describe_repositories', repositoryNames=['missing'])
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 7023, "digest": "sha256:" + "a"*64},
        "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 32654, "digest": "sha256:" + "b"*64}]})
    for i in range(3):
        calls(ecr, 'put_image', repositoryName='team/app', imageManifest=manifest.replace('7023', str(7000+i)), imageTag=f'v{i}')
    calls(ecr, 'put_image', repositoryName='team/app', imageManifest=manifest, imageTag='v0')
    calls(ecr, 'list_images', repositoryName='team/app')
    calls(ecr, 'list_images', repositoryName='other')
    calls(ecr, 'describe_images', repositoryName='team/app')
    calls(ecr, 'describe_images', repositoryName='team/app', imageIds=[{'imageTag': 'nope'}])
    calls(ecr, 'batch_get_image', repositoryName='team/app', imageIds=[{'imageTag': 'v1'}, {'imageTag': 'nope'}])
    calls(ecr, 'batch_delete_image', repositoryName='team/app', imageIds=[{'imageTag': 'latest'}])
    calls(ecr, 'batch_delete_image', repositoryName='team/app', imageIds=[{'imageTag': 'v2'}])
    calls(ecr, 'put_image_tag_mutability', repositoryName='team/app', imageTagMutability='IMMUTABLE')
    calls(ecr, 'put_image_scanning_configuration', repositoryName='team/app', imageScanningConfiguration={'scanOnPush': False})
    calls(ecr, 'set_repository_policy', repositoryName='team/app', policyText=json.dumps({"Version": "2012-10-17", "Statement": [{"Sid": "a", "Effect": "Allow", "Principal": "*", "Action": "ecr:*"}]}))
    calls(ecr, 'get_repository_policy', repositoryName='team/app')
    calls(ecr, 'get_repository_policy', repositoryName='other')
    calls(ecr, 'delete_repository_policy', repositoryName='team/app')
    calls(ecr, 'put_lifecycle_policy', repositoryName='team/app', lifecyclePolicyText=json.dumps({"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}]}))
    calls(ecr, 'get_lifecycle_policy', repositoryName='team/app')
    calls(ecr, 'get_lifecycle_policy', repositoryName='other')
    calls(ecr, 'delete_lifecycle_policy', repositoryName='team/app')
    calls(ecr, 'list_tags_for_resource', resourceArn='arn:aws:ecr:us-east-1:123456789012:repository/team/app')
    calls(ecr, 'tag_resource', resourceArn='arn:aws:ecr:us-east-1:123456789012:repository/team/app', tags=[{'Key': 'a', 'Value': 'b'}])
    calls(ecr, 'untag_resource', resourceArn='arn:aws:ecr:us-east-1:123456789012:repository/team/app', tagKeys=['a'])
    calls(ecr, 'get_authorization_token')
    calls(ecr, 'start_image_scan', repositoryName='team/app', imageId={'imageTag': 'v1'})
    calls(ecr, 'describe_image_scan_findings', repositoryName='team/app', imageId={'imageTag': 'v1'})
    calls(ecr, 'describe_image_scan_findings', repositoryName='team/app', imageId={'imageTag': 'nope'})
    calls(ecr, 'put_registry_policy', policyText=json.dumps({"Version": "2012-10-17", "Statement": [{"Sid": "r", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": ["ecr:ReplicateImage"], "Resource": "*"}]}))
    calls(ecr, 'get_registry_policy')
    calls(ecr, 'delete_registry_policy')
    calls(ecr, 'get_registry_policy')
    calls(ecr, 'put_registry_scanning_configuration', scanType='ENHANCED', rules=[{'scanFrequency': 'SCAN_ON_PUSH', 'repositoryFilters': [{'filter': '*', 'filterType': 'WILDCARD'}]}])
    calls(ecr, 'get_registry_scanning_configuration')
    calls(ecr, 'put_replication_configuration', replicationConfiguration={'rules': [{'destinations': [{'region': 'eu-west-1', 'registryId': '123456789012'}]}]})
    calls(ecr, 'describe_registry')
    calls(ecr, 'describe_pull_through_cache_rules')
    calls(ecr, 'delete_repository', repositoryName='team/app')
    calls(ecr, 'delete_repository', repositoryName='team/app', force=True)
    calls(ecr, 'delete_repository', repositoryName='missing')
    calls(ecr, 'list_images', repositoryName='missing')



main()
for r in out:
    print(json.dumps(r, sort_keys=True))
