"""An interviewer may end a running session; the review log records who did and when."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('interviews', '0009_item_asked_text'),
    ]

    operations = [
        migrations.AlterField(
            model_name='interviewsession',
            name='status',
            field=models.CharField(choices=[('created', 'Not started'), ('in_progress', 'In progress'), ('completed', 'Completed'), ('expired', 'Expired'), ('abandoned', 'Abandoned'), ('ended', 'Ended by the interviewer')], default='created', max_length=12),
        ),
        migrations.AlterField(
            model_name='reviewchange',
            name='field',
            field=models.CharField(choices=[('concept', 'Concept ticked or unticked'), ('score_override', 'Score override'), ('notes', 'Notes'), ('recommendation', 'Recommendation'), ('rescore', 'Automatic re-score'), ('status', 'Session status')], max_length=20),
        ),
    ]
