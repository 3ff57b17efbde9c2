"""Domain signals of the plans app, for apps that plans must not import.

The plans app sits below activities and reports: it never imports them. When one of them
must react to a plan's step (the activity log re-derives its Action Month flags when the
department plan that dates the Action Month is issued), it connects to a signal here in its
AppConfig.ready. Receivers run inside the step's transaction, so their writes commit or roll
back with it; they hold no rules of their own and call their app's services.
"""

from django.dispatch import Signal

# Sent by services.plan_issue once the plan is numbered, issued and distributed.
# Keyword arguments: plan (the issued Plan), user (who issued it).
plan_issued = Signal()
