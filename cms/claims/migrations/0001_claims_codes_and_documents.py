import cms.claims.models
import django.db.models.deletion
import django.utils.timezone
import forms.storage
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('organizations', '0004_register_import'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Claim',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('open', 'In progress'), ('submitted', 'Waiting for the ministry'), ('completed', 'Confirmed by e-mail code'), ('approved', 'Approved by the ministry'), ('refused', 'Refused by the ministry'), ('cancelled', 'Cancelled')], default='open', max_length=16, verbose_name='status')),
                ('note', models.TextField(blank=True, verbose_name="claimant's note")),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='started')),
                ('last_activity_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='documents submitted')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                ('decision_note', models.TextField(blank=True, verbose_name='decision note')),
                ('granted_role', models.CharField(blank=True, choices=[('owner', 'Owner'), ('member', 'Member')], max_length=16, verbose_name='role granted')),
                ('claimant', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='organization_claims', to=settings.AUTH_USER_MODEL, verbose_name='claimant')),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='claims', to='organizations.organization', verbose_name='organization')),
            ],
            options={
                'verbose_name': 'organization claim',
                'verbose_name_plural': 'organization claims',
                'ordering': ['-created_at', '-pk'],
                'permissions': [('review_claim', 'Can review organization claims')],
                'default_permissions': (),
            },
        ),
        migrations.CreateModel(
            name='ClaimCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code_hash', models.CharField(editable=False, max_length=64)),
                ('sent_to', models.EmailField(max_length=254)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('expires_at', models.DateTimeField()),
                ('failed_attempts', models.PositiveSmallIntegerField(default=0)),
                ('used_at', models.DateTimeField(blank=True, null=True)),
                ('voided_at', models.DateTimeField(blank=True, null=True)),
                ('void_reason', models.CharField(blank=True, choices=[('expired', 'Expired'), ('attempts', 'Too many wrong attempts'), ('replaced', 'Replaced by a new code'), ('closed', 'Claim closed')], max_length=16)),
                ('claim', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='codes', to='claims.claim')),
            ],
            options={
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ClaimDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('charter', 'Charter'), ('authority', 'Letter of authority'), ('other', 'Other document')], max_length=16, verbose_name='document')),
                ('file', models.FileField(max_length=200, storage=forms.storage.private_storage, upload_to=cms.claims.models._private_path)),
                ('original_name', models.CharField(max_length=255)),
                ('content_type', models.CharField(max_length=100)),
                ('size', models.PositiveBigIntegerField()),
                ('sha256', models.CharField(max_length=64)),
                ('uploaded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('claim', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='claims.claim')),
            ],
            options={
                'ordering': ['uploaded_at', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='claim',
            index=models.Index(fields=['organization', 'status'], name='claim_organization_status'),
        ),
        migrations.AddConstraint(
            model_name='claim',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ('open', 'submitted'))), fields=('organization', 'claimant'), name='claim_one_open_per_person'),
        ),
        migrations.AddIndex(
            model_name='claimcode',
            index=models.Index(fields=['claim', 'created_at'], name='claimcode_claim_created'),
        ),
        migrations.AddConstraint(
            model_name='claimdocument',
            constraint=models.UniqueConstraint(fields=('claim', 'kind'), name='claimdocument_one_per_kind'),
        ),
    ]
