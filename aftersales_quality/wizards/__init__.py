from . import aftersales_survey_campaign
